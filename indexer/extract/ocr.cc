#include "ocr.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <memory>
#include <mutex>
#include <vector>

#include "tidy.h"
#include "utf8.h"

namespace provisio::extract {

namespace {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

void quiet_leptonica() {
  // Leptonica reports every undecodable image on stderr; ours says it once, naming the file.
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

// Where Tesseract looks for its models: $TESSDATA_PREFIX (the folder holding the .traineddata
// files, or its parent), else Debian's folder.
std::vector<std::filesystem::path> model_folders() {
  std::vector<std::filesystem::path> out;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix && *prefix) {
    out.emplace_back(prefix);
    out.emplace_back(std::filesystem::path(prefix) / "tessdata");
  } else {
    out.emplace_back("/usr/share/tesseract-ocr/5/tessdata");
    out.emplace_back("/usr/share/tesseract-ocr/4.00/tessdata");
  }
  return out;
}

// One recogniser per pass and thread: Init() loads the models (about a second), so it is done
// once and reused; TessBaseAPI is not thread-safe, hence one per thread.
tesseract::TessBaseAPI& recogniser(std::size_t pass) {
  thread_local std::unique_ptr<tesseract::TessBaseAPI> apis[std::size(kOcrPasses)];
  auto& api = apis[pass];
  if (!api) {
    if (!ocr_available())
      throw OcrError("OCR needs the Tesseract models for English, Traditional and Simplified Chinese "
                     "(Debian: tesseract-ocr-eng tesseract-ocr-chi-tra tesseract-ocr-chi-sim)");
    auto made = std::make_unique<tesseract::TessBaseAPI>();
    if (made->Init(nullptr, kOcrPasses[pass], tesseract::OEM_LSTM_ONLY) != 0)
      throw OcrError(std::string("Tesseract could not load its models (") + kOcrPasses[pass] + ")");
    // Tesseract prints notes ("Detected 36 diacritics") on stderr; they mean nothing to the user.
    made->SetVariable("debug_file", "/dev/null");
    // Fully automatic page layout: letters have letterheads, columns and signature blocks.
    made->SetPageSegMode(tesseract::PSM_AUTO);
    api = std::move(made);
  }
  return *api;
}

// Reads one page with each pass (`give` hands the image to a recogniser) and adds the reading
// Tesseract is surest of to `out`.
template <typename Give>
void recognise(Give give, OcrText& out) {
  std::string best;
  int best_confidence = -1;
  for (std::size_t pass = 0; pass < std::size(kOcrPasses); ++pass) {
    auto& api = recogniser(pass);
    give(api);
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    int confidence = api.MeanTextConf();
    api.Clear();
    if (confidence > best_confidence) {
      best_confidence = confidence;
      best = join_cjk_spaces(text ? text.get() : "");
    }
  }
  // Running mean over the pages.
  out.confidence = (out.confidence * out.pages + best_confidence) / (out.pages + 1);
  ++out.pages;
  if (!best.empty()) out.text += (out.text.empty() ? "" : "\n\n") + best;
}

void check_size(std::int64_t width, std::int64_t height) {
  if (width <= 0 || height <= 0) throw OcrError("the image has no pixels");
  if (width * height > kOcrMaxPixels)
    throw OcrError("the image is " + std::to_string(width) + " x " + std::to_string(height) +
                   " pixels, more than the " + std::to_string(kOcrMaxPixels / 1'000'000) + " million read by OCR");
}

void recognise_pix(Pix* pix, OcrText& out) {
  if (!pix) throw OcrError("the image cannot be decoded");
  recognise(
      [&](tesseract::TessBaseAPI& api) {
        api.SetImage(pix);
        // Scans without a resolution tag would make Tesseract guess from 70 dpi and warn.
        if (pixGetXRes(pix) < 70) api.SetSourceResolution(300);
      },
      out);
}

}  // namespace

bool ocr_available() {
  for (const auto& folder : model_folders()) {
    std::error_code ec;
    if (std::filesystem::exists(folder / "eng.traineddata", ec) &&
        std::filesystem::exists(folder / "chi_tra.traineddata", ec) &&
        std::filesystem::exists(folder / "chi_sim.traineddata", ec))
      return true;
  }
  return false;
}

bool looks_like_image(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  return starts("\x89PNG\r\n\x1a\n") || starts("\xFF\xD8\xFF") || starts(std::string_view("II*\0", 4)) ||
         starts(std::string_view("MM\0*", 4));
}

std::string join_cjk_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  char32_t before = 0;  // the last character written that is not a space
  while (pos < text.size()) {
    if (text[pos] == ' ') {
      std::size_t end = text.find_first_not_of(' ', pos);
      if (end == std::string_view::npos) end = text.size();
      std::size_t next = end;
      char32_t after = end < text.size() ? decode_utf8(text, next) : 0;
      if (!(is_cjk(before) && is_cjk(after))) out.append(text.substr(pos, end - pos));
      pos = end;
      continue;
    }
    std::size_t start = pos;
    before = decode_utf8(text, pos);
    out.append(text.substr(start, pos - start));
  }
  return out;
}

OcrText ocr_image(std::string_view encoded) {
  quiet_leptonica();
  const auto* data = reinterpret_cast<const l_uint8*>(encoded.data());
  if (!looks_like_image(encoded)) throw OcrError("not a PNG, JPEG or TIFF image");
  l_int32 format = 0, width = 0, height = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(data, encoded.size(), &format, &width, &height, &bps, &spp, &cmap) != 0)
    throw OcrError("the image cannot be decoded (damaged or truncated)");
  OcrText out;
  bool tiff = format == IFF_TIFF || (format >= IFF_TIFF_PACKBITS && format <= IFF_TIFF_ZIP) ||
              format == IFF_TIFF_JPEG;
  if (!tiff) {
    check_size(width, height);
    recognise_pix(PixPtr(pixReadMem(data, encoded.size())).get(), out);
  } else {
    // Every page of a multi-page TIFF (fax-style scans of a letter are often one file).
    for (int n = 0;; ++n) {
      l_int32 res = 0, tiff_format = 0;
      if (readHeaderMemTiff(data, encoded.size(), n, &width, &height, &bps, &spp, &res, &cmap, &tiff_format) != 0)
        break;
      if (n == kOcrMaxPages)
        throw OcrError("the TIFF has more than " + std::to_string(kOcrMaxPages) + " pages, the most read by OCR");
      check_size(width, height);
      recognise_pix(PixPtr(pixReadMemTiff(data, encoded.size(), n)).get(), out);
    }
    if (out.pages == 0) throw OcrError("the TIFF image cannot be decoded");
  }
  out.text = tidy_lines(out.text);
  return out;
}

OcrText ocr_gray(const unsigned char* pixels, int width, int height, int bytes_per_line, int dpi) {
  check_size(width, height);
  OcrText out;
  recognise(
      [&](tesseract::TessBaseAPI& api) {
        api.SetImage(pixels, width, height, 1, bytes_per_line);
        api.SetSourceResolution(dpi);
      },
      out);
  out.text = tidy_lines(out.text);
  return out;
}

}  // namespace provisio::extract
