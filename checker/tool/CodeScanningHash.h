//===--- CodeScanningHash.h - GitHub code scanning's line fingerprint -----===//
//
// Code scanning matches a result across runs by
// `partialFingerprints.primaryLocationLineHash`, which its upload action
// computes from the file when the SARIF lacks it. Computed here the same
// way, a result carries it from the start: the upload does not need the
// sources, and a merged or post-processed file keeps it.
//
// The value is "<hash>:<occurrence>". The file is read as UTF-16 code units
// (from UTF-8, invalid bytes as U+FFFD); blanks and tabs are dropped, CR LF
// and a lone CR count as LF, and an end marker 0xFFFF follows the text. A
// line's hash is the polynomial hash, base 37 modulo 2^64, of the 100 units
// from its first unit on (zeros past the end), in lowercase hexadecimal;
// the occurrence numbers the lines with that hash from 1, in file order.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_CODESCANNINGHASH_H
#define DBRACE_TOOL_CODESCANNINGHASH_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace dbrace::tool {

/// The fingerprint of every line of \p Text: element 0 is line 1's. Lines
/// are counted as code scanning counts them (a lone CR ends a line too),
/// and a text that ends with a line break has one more, empty, line.
std::vector<std::string> codeScanningLineHashes(llvm::StringRef Text);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CODESCANNINGHASH_H
