// Token texts under an order-1 canonical Huffman code (D. A. Huffman, "A Method for the
// Construction of Minimum-Redundancy Codes", Proc. IRE 40(9), 1952; canonical codes as in
// RFC 1951, section 3.2.2): each byte of a text is coded in the context of the byte before it
// (a text's first byte in context 256), and each text ends with the symbol 256. The "EPTK" v2
// asset (pipeline_asset.h) may store its text tokens this way: BERT's 30,522 short words take
// 111 KB instead of 231 KB. Layout (little-endian), as tools/build-tokenizer-families.mjs writes it:
//   u16 number of contexts; per context: u16 context (0..256), u8 code length of the end symbol
//   (0: it does not occur there), u16 number of byte symbols, then per byte symbol u8 byte and
//   u8 code length (1..kHuffmanMaxBits); then u32 number of bits and the bit stream, codes
//   written most significant bit first, bytes filled from their most significant bit.
// Code lengths come from the two-queue Huffman construction with leaves ordered by (count,
// symbol) and a leaf taken before an internal node of equal weight, so both writers agree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace playground {

inline constexpr uint32_t kHuffmanMaxBits = 24;

// Appends the coding of `texts` (each non-empty) to `out`. Throws Error(kBadArgument) if a
// code would be longer than kHuffmanMaxBits.
void encode_huffman_texts(const std::vector<std::string_view>& texts, std::vector<uint8_t>* out);

// Decodes `count` texts from data[0, size), each 1..max_text_bytes bytes; sets *used to the
// bytes read. Throws Error(kBadArgument) naming what is malformed (a code table that is not a
// prefix code, a bit pattern no code has, a text too long, data cut short).
std::vector<std::string> decode_huffman_texts(const uint8_t* data, size_t size, size_t count,
                                              size_t max_text_bytes, size_t* used);

}  // namespace playground
