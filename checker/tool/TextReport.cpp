//===--- TextReport.cpp - clang-tidy's own printing and fix application ---===//

#include "TextReport.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/raw_ostream.h"
#include <unistd.h>

namespace dbrace::tool {
namespace {

/// handleErrors always prints to llvm::outs(); while this lives, that is
/// the process's stderr.
class StdoutToStderr {
public:
  StdoutToStderr() {
    llvm::outs().flush();
    Saved = ::dup(STDOUT_FILENO);
    if (Saved >= 0)
      ::dup2(STDERR_FILENO, STDOUT_FILENO);
  }
  ~StdoutToStderr() {
    llvm::outs().flush();
    if (Saved >= 0) {
      ::dup2(Saved, STDOUT_FILENO);
      ::close(Saved);
    }
  }

private:
  int Saved = -1;
};

} // namespace

void printAndFix(const std::vector<clang::tidy::ClangTidyError> &Errors,
                 clang::tidy::ClangTidyContext &Context, bool Fix,
                 llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                 bool ToStderr) {
  std::optional<StdoutToStderr> Redirect;
  if (ToStderr)
    Redirect.emplace();
  unsigned WarningsAsErrors = 0;
  clang::tidy::handleErrors(Errors, Context,
                            Fix ? clang::tidy::FB_Fix : clang::tidy::FB_NoFix,
                            WarningsAsErrors, FS);
}

} // namespace dbrace::tool
