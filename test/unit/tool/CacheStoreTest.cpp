//===--- CacheStoreTest.cpp - Blobs on disk under content keys ------------===//

#include "CacheStore.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <thread>
#include <vector>

using namespace dbrace::tool;

namespace {

class CacheStoreTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("dbrace-cache", Dir));
    llvm::Expected<CacheStore> Opened = CacheStore::open(Dir);
    ASSERT_TRUE(static_cast<bool>(Opened));
    Store.emplace(std::move(*Opened));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  /// The one entry file of the store.
  std::string entryPath() {
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
         It != End && !EC; It.increment(EC))
      if (It->type() == llvm::sys::fs::file_type::regular_file)
        return It->path();
    return {};
  }

  void rewriteEntry(llvm::function_ref<std::string(std::string)> Change) {
    std::string Path = entryPath();
    auto Old = llvm::MemoryBuffer::getFile(Path);
    ASSERT_TRUE(static_cast<bool>(Old));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Change((*Old)->getBuffer().str());
  }

  llvm::SmallString<128> Dir;
  std::optional<CacheStore> Store;
  const std::string Key = CacheKey("test").add("a", "b").hex();
};

TEST_F(CacheStoreTest, ReturnsWhatWasPut) {
  EXPECT_FALSE(Store->get("results", Key));
  std::string Blob("with\0nul and more", 17);
  ASSERT_TRUE(Store->put("results", Key, Blob));
  EXPECT_EQ(Store->get("results", Key), Blob);
  EXPECT_FALSE(Store->get("sources", Key)); // Kinds are apart.
}

TEST_F(CacheStoreTest, DamagedEntriesAreMisses) {
  ASSERT_TRUE(Store->put("results", Key, "a blob of some length"));
  rewriteEntry([](std::string S) { return S.substr(0, S.size() / 2); });
  EXPECT_FALSE(Store->get("results", Key));

  ASSERT_TRUE(Store->put("results", Key, "a blob of some length"));
  rewriteEntry([](std::string S) {
    S.back() ^= 0x20;
    return S;
  });
  EXPECT_FALSE(Store->get("results", Key));

  ASSERT_TRUE(Store->put("results", Key, "a blob of some length"));
  rewriteEntry([](std::string) { return std::string(); });
  EXPECT_FALSE(Store->get("results", Key));

  ASSERT_TRUE(Store->put("results", Key, "a blob of some length"));
  rewriteEntry([](std::string S) { return S + "more"; });
  EXPECT_FALSE(Store->get("results", Key));
}

TEST_F(CacheStoreTest, ConcurrentWritersLeaveOneWholeEntry) {
  std::vector<std::thread> Writers;
  for (int T = 0; T < 8; ++T)
    Writers.emplace_back([&, T] {
      for (int I = 0; I < 20; ++I)
        Store->put("results", Key, std::string(4096 + T, 'a' + T));
    });
  for (std::thread &T : Writers)
    T.join();
  std::optional<std::string> Blob = Store->get("results", Key);
  ASSERT_TRUE(Blob);
  EXPECT_EQ(*Blob, std::string(Blob->size(), Blob->front()));
  EXPECT_EQ(Blob->size(), 4096u + (Blob->front() - 'a'));
  // No temporary is left behind.
  std::error_code EC;
  unsigned Files = 0;
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       It != End && !EC; It.increment(EC))
    Files += It->type() == llvm::sys::fs::file_type::regular_file;
  EXPECT_EQ(Files, 1u);
}

TEST(CacheKeyTest, PartsAreFramed) {
  EXPECT_NE(CacheKey("p").add("a", "bc").hex(),
            CacheKey("p").add("ab", "c").hex());
  EXPECT_NE(CacheKey("p").add("a", "b").hex(),
            CacheKey("q").add("a", "b").hex());
  EXPECT_EQ(CacheKey("p").add("a", "b").hex(),
            CacheKey("p").add("a", "b").hex());
  EXPECT_EQ(CacheKey("p").hex().size(), 64u);
}

TEST(CacheKeyTest, FileContentAndAbsence) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("dbrace-key", Dir));
  llvm::SmallString<128> File(Dir);
  llvm::sys::path::append(File, "rules.yaml");
  std::string Missing = CacheKey("p").addFileContent("f", File).hex();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    OS << "library: x\n";
  }
  std::string One = CacheKey("p").addFileContent("f", File).hex();
  std::string Folder = CacheKey("p").addFileContent("f", Dir).hex();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    OS << "library: y\n";
  }
  EXPECT_NE(Missing, One);
  EXPECT_NE(One, CacheKey("p").addFileContent("f", File).hex());
  EXPECT_NE(Folder, CacheKey("p").addFileContent("f", Dir).hex());
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
