#include "charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

namespace provisio::submissions {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The name we report for a charset label: the usual spelling of the ones we expect.
std::string display_name(std::string_view label) {
  std::string l = lower(label);
  l.erase(std::remove(l.begin(), l.end(), '_'), l.end());
  if (l == "utf-8" || l == "utf8") return "UTF-8";
  if (l == "big5" || l == "x-big5" || l == "cp950") return "Big5";
  if (l == "big5-hkscs" || l == "big5hkscs" || l == "hkscs-big5") return "Big5-HKSCS";
  if (l == "gb18030") return "GB18030";
  if (l == "gb2312" || l == "euc-cn" || l == "x-euc-cn") return "GB2312";
  if (l == "gbk" || l == "x-gbk" || l == "cp936") return "GBK";
  if (l == "us-ascii" || l == "ascii") return "US-ASCII";
  return std::string(label);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Strict conversion; on failure `bad_offset` is the byte where decoding stopped.
bool convert_strict(std::string_view bytes, const std::string& name, std::string& out,
                    std::size_t& bad_offset, bool& unknown) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(name.c_str(), &status));
  unknown = U_FAILURE(status) || !conv;
  if (unknown) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> buffer(bytes.size() * 2 + 16);
  std::vector<int32_t> offsets(buffer.size());
  const char* source = bytes.data();
  UChar* target = buffer.data();
  status = U_ZERO_ERROR;
  ucnv_toUnicode(conv.get(), &target, buffer.data() + buffer.size(), &source, bytes.data() + bytes.size(),
                 offsets.data(), true, &status);
  if (U_FAILURE(status)) {
    bad_offset = static_cast<std::size_t>(source - bytes.data());
    // ICU consumes the offending sequence before stopping; report where it began.
    int8_t len = 0;
    char invalid[32];
    UErrorCode e2 = U_ZERO_ERROR;
    len = sizeof invalid;
    ucnv_getInvalidChars(conv.get(), invalid, &len, &e2);
    if (U_SUCCESS(e2) && static_cast<std::size_t>(len) <= bad_offset) bad_offset -= static_cast<std::size_t>(len);
    return false;
  }
  // Codes a charset leaves to private use (Windows' Big5 maps HKSCS and vendor codes there) are
  // not text anyone can read: treat them as undecodable, so the superset charset gets its turn.
  for (UChar* p = buffer.data(); p < target; ++p) {
    if (*p >= 0xE000 && *p <= 0xF8FF) {
      bad_offset = static_cast<std::size_t>(offsets[static_cast<std::size_t>(p - buffer.data())]);
      return false;
    }
  }
  out.clear();
  icu::UnicodeString(buffer.data(), static_cast<int32_t>(target - buffer.data())).toUTF8String(out);
  return true;
}

void drop_bom(std::string& s) {
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
}

}  // namespace

Decoded decode(std::string_view bytes, std::string_view label) {
  std::string name = display_name(label.empty() ? "UTF-8" : label);
  Decoded d;
  if (name == "UTF-8" || name == "US-ASCII") {
    if (std::size_t bad = find_invalid_utf8(bytes); bad != std::string_view::npos) {
      // Mail programs label Chinese text "us-ascii" or "utf-8" that is not; say so rather than guess.
      throw CharsetError("the text is not valid " + name + " (byte " + std::to_string(bad) + ")");
    }
    d.utf8 = std::string(bytes);
    d.charset = name;
    drop_bom(d.utf8);
    return d;
  }
  // The declared charset first, then its superset when the declaration was too narrow.
  std::vector<std::string> attempts = {name};
  if (name == "Big5") attempts.push_back("Big5-HKSCS");
  if (name == "GB2312" || name == "GBK") attempts.push_back("GB18030");
  std::size_t first_bad = 0;
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    std::size_t bad = 0;
    bool unknown = false;
    if (convert_strict(bytes, attempts[i], d.utf8, bad, unknown)) {
      d.charset = attempts[i];
      drop_bom(d.utf8);
      return d;
    }
    if (unknown && i == 0) throw CharsetError("unknown character set '" + std::string(label) + "'");
    if (i == 0) first_bad = bad;
  }
  throw CharsetError("the text is not valid " + name + " (byte " + std::to_string(first_bad) + ")");
}

bool is_known_charset(std::string_view label) {
  std::string name = display_name(label.empty() ? "UTF-8" : label);
  if (name == "UTF-8" || name == "US-ASCII") return true;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(name.c_str(), &status));
  return U_SUCCESS(status) && conv;
}

namespace {

bool is_charset_name_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':';
}

}  // namespace

std::string html_meta_charset(std::string_view bytes) {
  std::string head = lower(bytes.substr(0, 4096));
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
    std::size_t end = std::min(head.find('>', meta), head.size());
    for (std::size_t at = head.find("charset", meta); at < end; at = head.find("charset", at + 1)) {
      std::size_t p = at + 7;
      while (p < end && head[p] == ' ') ++p;
      if (p == end || head[p] != '=') continue;
      ++p;
      while (p < end && (head[p] == ' ' || head[p] == '"' || head[p] == '\'')) ++p;
      std::size_t stop = p;
      while (stop < end && is_charset_name_byte(head[stop])) ++stop;
      if (stop > p) return head.substr(p, stop - p);
    }
  }
  return "";
}

Decoded decode_undeclared(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return decode(bytes, "UTF-8");
  // ICU's statistical detector ranks the candidates; a strict decode confirms one.
  std::vector<std::string> candidates;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    int32_t found = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector, &found, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
      UErrorCode e = U_ZERO_ERROR;
      std::string n = display_name(ucsdet_getName(matches[i], &e));
      if (U_SUCCESS(e) && (n == "Big5" || n == "GB18030" || n == "GB2312" || n == "GBK"))
        candidates.push_back(n == "Big5" ? "Big5-HKSCS" : "GB18030");
    }
    ucsdet_close(detector);
  }
  for (const char* fallback : {"Big5-HKSCS", "GB18030"})
    if (std::find(candidates.begin(), candidates.end(), fallback) == candidates.end())
      candidates.push_back(fallback);
  for (const auto& c : candidates) {
    try {
      Decoded d = decode(bytes, c);
      // Report plain Big5 when nothing beyond it was needed.
      if (c == "Big5-HKSCS") {
        std::string plain;
        std::size_t bad = 0;
        bool unknown = false;
        if (convert_strict(bytes, "Big5", plain, bad, unknown) && plain == d.utf8) d.charset = "Big5";
      }
      return d;
    } catch (const CharsetError&) {
    }
  }
  throw CharsetError("cannot tell the character set: not UTF-8, Big5 or GB18030");
}

}  // namespace provisio::submissions
