//===--- UnifiedDiff.cpp - The lines a unified diff changes ---------------===//

#include "UnifiedDiff.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <optional>
#include <set>

namespace dbrace::tool {
namespace {

/// Git writes a name with unusual bytes as a C string: "a/t\303\251st".
std::string unquote(llvm::StringRef S, size_t *Consumed = nullptr) {
  if (!S.starts_with("\"")) {
    if (Consumed)
      *Consumed = S.size();
    return S.str();
  }
  std::string Out;
  size_t I = 1;
  for (; I < S.size() && S[I] != '"'; ++I) {
    if (S[I] != '\\' || I + 1 == S.size()) {
      Out += S[I];
      continue;
    }
    char C = S[++I];
    if (C >= '0' && C <= '7') {
      unsigned Value = 0;
      for (unsigned N = 0; N < 3 && I < S.size() && S[I] >= '0' && S[I] <= '7';
           ++N, ++I)
        Value = Value * 8 + (S[I] - '0');
      --I;
      Out += static_cast<char>(Value);
      continue;
    }
    switch (C) {
    case 'n':
      Out += '\n';
      break;
    case 't':
      Out += '\t';
      break;
    case 'r':
      Out += '\r';
      break;
    case 'a':
      Out += '\a';
      break;
    case 'b':
      Out += '\b';
      break;
    case 'f':
      Out += '\f';
      break;
    case 'v':
      Out += '\v';
      break;
    default:
      Out += C; // \" and \\.
    }
  }
  if (Consumed)
    *Consumed = std::min(I + 1, S.size());
  return Out;
}

/// A `---`/`+++` name: quoted, or up to a tab (plain diff appends a date;
/// git, a tab after a name with spaces).
std::string headerPath(llvm::StringRef S) {
  if (S.starts_with("\""))
    return unquote(S);
  return S.split('\t').first.rtrim(' ').str();
}

llvm::StringRef firstComponent(llvm::StringRef Path) {
  return Path.split('/').first;
}

llvm::StringRef dropFirstComponent(llvm::StringRef Path) {
  return Path.split('/').second;
}

/// Git's `a/` `b/` (or mnemonic `i/` `w/`...) prefixes differ between the
/// two names of a file; `--no-prefix` names are equal.
bool hasPrefixes(llvm::StringRef Old, llvm::StringRef New) {
  return Old.contains('/') && New.contains('/') &&
         firstComponent(Old) != firstComponent(New);
}

/// The two names of `diff --git A B`. Unquoted names may hold spaces, so
/// prefer the split that names one file twice.
std::pair<std::string, std::string> gitHeaderPaths(llvm::StringRef S) {
  if (S.starts_with("\"")) {
    size_t Used = 0;
    std::string Old = unquote(S, &Used);
    return {Old, unquote(S.drop_front(Used).ltrim(' '))};
  }
  std::optional<std::pair<std::string, std::string>> First;
  for (size_t Pos = S.find(' '); Pos != llvm::StringRef::npos;
       Pos = S.find(' ', Pos + 1)) {
    llvm::StringRef Old = S.take_front(Pos), New = S.drop_front(Pos + 1);
    if (New.starts_with("\""))
      return {Old.str(), unquote(New)};
    if (Old == New || (hasPrefixes(Old, New) &&
                       dropFirstComponent(Old) == dropFirstComponent(New)))
      return {Old.str(), New.str()};
    if (!First)
      First.emplace(Old.str(), New.str());
  }
  if (First)
    return *First;
  return {S.str(), S.str()};
}

bool parseRange(llvm::StringRef &S, char Sign, unsigned &Start,
                unsigned &Count) {
  if (!S.consume_front(llvm::StringRef(&Sign, 1)) ||
      S.consumeInteger(10, Start))
    return false;
  Count = 1;
  if (S.consume_front(",") && S.consumeInteger(10, Count))
    return false;
  return true;
}

/// `@@ -a[,b] +c[,d] @@ ...`
bool parseHunkHeader(llvm::StringRef Line, unsigned &OldCount,
                     unsigned &NewStart, unsigned &NewCount) {
  unsigned OldStart;
  llvm::StringRef S = Line;
  return S.consume_front("@@ ") && parseRange(S, '-', OldStart, OldCount) &&
         S.consume_front(" ") && parseRange(S, '+', NewStart, NewCount) &&
         S.starts_with(" @@");
}

/// One file's record while its lines are read.
struct Pending {
  FileChange Change;
  bool Git = false;
  std::string HeaderOld, HeaderNew; ///< From `diff --git`.
  std::string MinusPath, PlusPath;  ///< From `---` and `+++`, raw.
  bool SawMinus = false, SawPlus = false;
  bool ExactNames = false; ///< `rename from/to`: never prefixed.
  std::set<unsigned> Lines;
};

void finish(Pending &P, std::vector<FileChange> &Out) {
  FileChange &C = P.Change;
  if (!P.ExactNames) {
    std::string Old = P.SawMinus ? P.MinusPath : P.HeaderOld;
    std::string New = P.SawPlus ? P.PlusPath : P.HeaderNew;
    bool OldNull = Old == "/dev/null", NewNull = New == "/dev/null";
    // Whether names carry prefixes is read off a pair naming real files.
    bool Strip = P.Git ? hasPrefixes(P.HeaderOld, P.HeaderNew)
                       : !OldNull && !NewNull && hasPrefixes(Old, New);
    auto Clean = [&](const std::string &Path, bool Null) -> std::string {
      if (Null)
        return "";
      return Strip ? dropFirstComponent(Path).str() : Path;
    };
    C.OldPath = Clean(Old, OldNull);
    C.NewPath = Clean(New, NewNull);
    C.Added |= OldNull;
    C.Deleted |= NewNull;
  }
  if (C.Deleted) {
    C.NewPath.clear();
    P.Lines.clear();
  }
  for (unsigned L : P.Lines) {
    if (!C.Lines.empty() && C.Lines.back().Last + 1 == L)
      C.Lines.back().Last = L;
    else
      C.Lines.push_back({L, L});
  }
  Out.push_back(std::move(C));
}

llvm::Error errorAt(llvm::StringRef Name, unsigned Line,
                    const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Name + ":" + llvm::Twine(Line) +
                                     ": error: " + Why);
}

/// Reads a diff one line at a time: the file being read, and the hunk in it.
class DiffReader {
public:
  explicit DiffReader(llvm::StringRef Name) : Name(Name) {}

  /// Line \p LineNo (1-based) of the diff, without its line end.
  llvm::Error read(llvm::StringRef Line, unsigned LineNo) {
    if (OldLeft || NewLeft)
      return hunkBody(Line, LineNo);
    // `\ No newline at end of file` after a hunk's last line.
    if (Line.starts_with("\\"))
      return llvm::Error::success();
    if (Line.consume_front("diff --git ")) {
      startFile();
      File->Git = true;
      std::tie(File->HeaderOld, File->HeaderNew) = gitHeaderPaths(Line);
    } else if (Line.starts_with("--- ")) {
      minusHeader(headerPath(Line.drop_front(4)));
    } else if (Line.starts_with("+++ ") && File) {
      File->SawPlus = true;
      File->PlusPath = headerPath(Line.drop_front(4));
    } else if (Line.starts_with("@@")) {
      return hunkHeader(Line, LineNo);
    } else if (File && File->Git) {
      gitExtendedHeader(Line);
    } // Else text around the diff, such as a commit message.
    return llvm::Error::success();
  }

  /// The files read, once the diff ended before line \p LineNo.
  llvm::Expected<std::vector<FileChange>> end(unsigned LineNo) {
    if (OldLeft || NewLeft)
      return cutShort(LineNo);
    if (File)
      finish(*File, Out);
    return std::move(Out);
  }

private:
  void startFile() {
    if (File)
      finish(*File, Out);
    File.emplace();
  }

  void minusHeader(std::string Path) {
    // Plain `diff -u` has no `diff --git` line: `---` starts a file.
    if (!File || File->SawMinus || !File->Git)
      startFile();
    File->SawMinus = true;
    File->MinusPath = std::move(Path);
  }

  llvm::Error hunkHeader(llvm::StringRef Line, unsigned LineNo) {
    if (!File)
      return errorAt(Name, LineNo, "a hunk before any file header");
    unsigned NewStart;
    if (!parseHunkHeader(Line, OldLeft, NewStart, NewLeft))
      return errorAt(Name, LineNo, "malformed hunk header '" + Line + "'");
    // An empty side names the line before the hunk.
    NewLine = NewLeft == 0 ? NewStart + 1 : NewStart;
    HunkLine = LineNo;
    return llvm::Error::success();
  }

  llvm::Error hunkBody(llvm::StringRef Line, unsigned LineNo) {
    char Kind = Line.empty() ? ' ' : Line.front(); // Some tools drop the space.
    if (Kind == '\\')
      return llvm::Error::success();
    if (Kind == '+' && NewLeft) {
      OnlyDeleted = false;
      File->Lines.insert(NewLine++);
      --NewLeft;
    } else if (Kind == '-' && OldLeft) {
      // Deletions come before the additions that replace them.
      OnlyDeleted = true;
      --OldLeft;
    } else if (Kind == ' ' && OldLeft && NewLeft) {
      endBlock();
      ++NewLine;
      --OldLeft;
      --NewLeft;
    } else {
      return cutShort(LineNo);
    }
    if (!OldLeft && !NewLeft)
      endBlock();
    return llvm::Error::success();
  }

  /// A pure deletion joins the lines either side of it, which count as
  /// changed.
  void endBlock() {
    if (OnlyDeleted) {
      if (NewLine > 1)
        File->Lines.insert(NewLine - 1);
      File->Lines.insert(NewLine);
    }
    OnlyDeleted = false;
  }

  void gitExtendedHeader(llvm::StringRef Line) {
    if (Line.consume_front("rename from ") ||
        Line.consume_front("copy from ")) {
      File->Change.Renamed = true;
      File->ExactNames = true;
      File->Change.OldPath = unquote(Line);
    } else if (Line.consume_front("rename to ") ||
               Line.consume_front("copy to ")) {
      File->Change.Renamed = true;
      File->ExactNames = true;
      File->Change.NewPath = unquote(Line);
    } else if (Line.starts_with("new file mode")) {
      File->Change.Added = true;
    } else if (Line.starts_with("deleted file mode")) {
      File->Change.Deleted = true;
    }
  }

  llvm::Error cutShort(unsigned LineNo) const {
    return errorAt(
        Name, LineNo,
        "the hunk at line " + llvm::Twine(HunkLine) +
            " ends early: " + llvm::Twine(std::max(OldLeft, NewLeft)) +
            " of its lines are missing");
  }

  llvm::StringRef Name;
  std::vector<FileChange> Out;
  std::optional<Pending> File;
  // The hunk being read: lines still due from each side, and the line of
  // the new file the next body line is at.
  unsigned OldLeft = 0, NewLeft = 0, NewLine = 0, HunkLine = 0;
  /// Lines deleted and not (yet) replaced by added ones.
  bool OnlyDeleted = false;
};

} // namespace

llvm::Expected<std::vector<FileChange>> parseUnifiedDiff(llvm::StringRef Text,
                                                         llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  if (!Lines.empty() && Lines.back().empty())
    Lines.pop_back();
  DiffReader Reader(Name);
  for (unsigned Index = 0; Index < Lines.size(); ++Index) {
    llvm::StringRef Line = Lines[Index];
    Line.consume_back("\r");
    if (llvm::Error E = Reader.read(Line, Index + 1))
      return E;
  }
  return Reader.end(Lines.size() + 1);
}

} // namespace dbrace::tool
