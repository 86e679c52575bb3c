//===--- CacheBuildId.cpp - What identifies the running dbrace ------------===//
//
// The linker's build id (a hash of the linked image) of every object
// loaded: dbrace's own code and the clang, LLVM and libpg_query it runs on.
// An object without one is identified by its path, size and time.
//
//===----------------------------------------------------------------------===//

#include "CacheStore.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include <elf.h>
#include <link.h>

namespace dbrace::tool {
namespace {

/// The NT_GNU_BUILD_ID note of one loaded object, as hex; empty if none.
std::string buildIdOf(const dl_phdr_info &Info) {
  for (int I = 0; I < Info.dlpi_phnum; ++I) {
    const ElfW(Phdr) &Header = Info.dlpi_phdr[I];
    if (Header.p_type != PT_NOTE)
      continue;
    const char *Note =
        reinterpret_cast<const char *>(Info.dlpi_addr + Header.p_vaddr);
    const char *End = Note + Header.p_memsz;
    while (Note + sizeof(ElfW(Nhdr)) <= End) {
      const auto *N = reinterpret_cast<const ElfW(Nhdr) *>(Note);
      const char *Name = Note + sizeof(ElfW(Nhdr));
      const char *Desc = Name + ((N->n_namesz + 3) & ~3u);
      if (Desc + N->n_descsz > End)
        break;
      if (N->n_type == NT_GNU_BUILD_ID && N->n_namesz == 4 &&
          llvm::StringRef(Name, 3) == "GNU")
        return llvm::toHex(llvm::StringRef(Desc, N->n_descsz),
                           /*LowerCase=*/true);
      Note = Desc + ((N->n_descsz + 3) & ~3u);
    }
  }
  return {};
}

int addObject(dl_phdr_info *Info, size_t, void *Data) {
  auto &Key = *static_cast<CacheKey *>(Data);
  llvm::StringRef Name = Info->dlpi_name ? Info->dlpi_name : "";
  // The kernel's object differs between CI machines that share a cache.
  if (Name.starts_with("linux-vdso") || Name.starts_with("linux-gate"))
    return 0;
  if (std::string Id = buildIdOf(*Info); !Id.empty()) {
    Key.add(Name.empty() ? "executable" : Name, Id);
    return 0;
  }
  llvm::sys::fs::file_status Status;
  if (!Name.empty() && !llvm::sys::fs::status(Name, Status))
    Key.add(
        Name,
        std::to_string(Status.getSize()) + "@" +
            std::to_string(
                Status.getLastModificationTime().time_since_epoch().count()));
  return 0;
}

} // namespace

const std::string &buildIdentity() {
  static const std::string Identity = [] {
    CacheKey Key("dbrace-build/1");
    Key.add("version", DBRACE_VERSION);
    dl_iterate_phdr(addObject, &Key);
    return Key.hex();
  }();
  return Identity;
}

} // namespace dbrace::tool
