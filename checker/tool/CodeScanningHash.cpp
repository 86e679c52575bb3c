//===--- CodeScanningHash.cpp - GitHub code scanning's line fingerprint ---===//

#include "CodeScanningHash.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include <cstdint>

namespace dbrace::tool {
namespace {

constexpr size_t Window = 100;
constexpr uint64_t Base = 37;
constexpr uint16_t EndMarker = 0xFFFF, Replacement = 0xFFFD;

/// Decodes UTF-8 as a WHATWG decoder does (each maximal invalid subpart
/// becomes one U+FFFD), into UTF-16 code units.
std::vector<uint16_t> utf16Units(llvm::StringRef Text) {
  std::vector<uint16_t> Out;
  Out.reserve(Text.size());
  const auto *P = reinterpret_cast<const unsigned char *>(Text.data());
  const unsigned char *End = P + Text.size();
  while (P < End) {
    unsigned char Lead = *P++;
    if (Lead < 0x80) {
      Out.push_back(Lead);
      continue;
    }
    unsigned Needed;
    uint32_t Code;
    unsigned char Low = 0x80, High = 0xBF; // allowed range of the next byte
    if (Lead >= 0xC2 && Lead <= 0xDF) {
      Needed = 1;
      Code = Lead & 0x1F;
    } else if (Lead >= 0xE0 && Lead <= 0xEF) {
      Needed = 2;
      Code = Lead & 0x0F;
      if (Lead == 0xE0)
        Low = 0xA0;
      else if (Lead == 0xED)
        High = 0x9F;
    } else if (Lead >= 0xF0 && Lead <= 0xF4) {
      Needed = 3;
      Code = Lead & 0x07;
      if (Lead == 0xF0)
        Low = 0x90;
      else if (Lead == 0xF4)
        High = 0x8F;
    } else {
      Out.push_back(Replacement);
      continue;
    }
    bool Valid = true;
    for (unsigned I = 0; I < Needed; ++I) {
      if (P == End || *P < Low || *P > High) {
        Valid = false; // the byte that breaks the sequence is read again
        break;
      }
      Code = Code << 6 | (*P++ & 0x3F);
      Low = 0x80;
      High = 0xBF;
    }
    if (!Valid) {
      Out.push_back(Replacement);
    } else if (Code >= 0x10000) {
      Code -= 0x10000;
      Out.push_back(static_cast<uint16_t>(0xD800 + (Code >> 10)));
      Out.push_back(static_cast<uint16_t>(0xDC00 + (Code & 0x3FF)));
    } else {
      Out.push_back(static_cast<uint16_t>(Code));
    }
  }
  return Out;
}

} // namespace

std::vector<std::string> codeScanningLineHashes(llvm::StringRef Text) {
  // The normalised units, and where each line's first unit is among them.
  std::vector<uint16_t> Units;
  std::vector<size_t> LineStarts;
  bool AtLineStart = true, AfterCR = false;
  std::vector<uint16_t> Input = utf16Units(Text);
  Input.push_back(EndMarker);
  for (uint16_t C : Input) {
    if (C == ' ' || C == '\t' || (AfterCR && C == '\n')) {
      AfterCR = false;
      continue;
    }
    AfterCR = C == '\r';
    if (AfterCR)
      C = '\n';
    if (AtLineStart) {
      LineStarts.push_back(Units.size());
      AtLineStart = false;
    }
    if (C == '\n')
      AtLineStart = true;
    Units.push_back(C);
  }
  Units.resize(Units.size() + Window, 0);

  std::vector<std::string> Hashes;
  Hashes.reserve(LineStarts.size());
  llvm::StringMap<unsigned> Seen;
  for (size_t Start : LineStarts) {
    uint64_t H = 0; // unsigned arithmetic wraps modulo 2^64, as required
    for (size_t I = Start; I < Start + Window; ++I)
      H = H * Base + Units[I];
    std::string Hex = llvm::utohexstr(H, /*LowerCase=*/true);
    unsigned Occurrence = ++Seen[Hex];
    Hashes.push_back(Hex + ":" + std::to_string(Occurrence));
  }
  return Hashes;
}

} // namespace dbrace::tool
