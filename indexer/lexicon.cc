#include "lexicon.h"

#include <unicode/utf8.h>

#include <cmath>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "data_files.h"
#include "glossary.h"
#include "text_folder.h"

namespace provisio {

std::u32string fold_to_code_points(std::string_view utf8, TextFolder& folder) {
  std::u32string out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t length = static_cast<int32_t>(utf8.size()), i = 0;
  while (i < length) {
    UChar32 cp;
    U8_NEXT(bytes, i, length, cp);
    if (char32_t code = folder.fold_code(cp < 0 ? 0xFFFD : static_cast<char32_t>(cp))) out += code;
  }
  return out;
}

Lexicon::Entry& Lexicon::insert(std::u32string_view word) {
  for (std::size_t n = 1; n < word.size(); ++n)
    if (entries_.find(word.substr(0, n)) == entries_.end()) entries_.emplace(word.substr(0, n), Entry{});
  max_length_ = std::max(max_length_, word.size());
  auto it = entries_.find(word);
  if (it == entries_.end()) it = entries_.emplace(word, Entry{}).first;
  return it->second;
}

void Lexicon::add_general(std::u32string_view word, double frequency) {
  if (word.empty() || frequency <= 0) return;
  Entry& e = insert(word);
  if (e.general) {  // seen before (two spellings folding alike): keep the higher frequency
    if (frequency <= e.log_p) return;
    total_frequency_ -= e.log_p;
  } else {
    ++general_words_;
  }
  e.word = true;
  e.general = true;
  e.log_p = static_cast<float>(frequency);
  total_frequency_ += frequency;
}

void Lexicon::add_domain(std::u32string_view word) {
  if (word.size() < 2) return;
  Entry& e = insert(word);
  if (!e.domain) ++domain_words_;
  e.word = true;
  e.domain = true;
}

void Lexicon::finish() {
  double total = total_frequency_;
  // An unknown character counts as a word seen once (as in jieba); without a general list every
  // word is equally likely, so the segmentation with the fewest words wins.
  double log_total = total > 0 ? std::log(total) : 0;
  unknown_log_p_ = static_cast<float>(-log_total);
  if (total == 0) unknown_log_p_ = -20;  // no general list: ICU words (and domain words) beat single characters
  for (auto& [word, e] : entries_)
    if (e.general) e.log_p = static_cast<float>(std::log(e.log_p) - log_total);
  // Move everything into the flat table, at most half full.
  std::size_t capacity = 16;
  while (capacity < 2 * entries_.size()) capacity *= 2;
  slots_.assign(capacity, Slot{});
  pool_.clear();
  for (const auto& [word, e] : entries_) {
    std::uint64_t h = hash(word);
    std::size_t i = h & (capacity - 1);
    while (slots_[i].length != 0) i = (i + 1) & (capacity - 1);
    slots_[i] = Slot{h, static_cast<std::uint32_t>(pool_.size()), static_cast<std::uint32_t>(word.size()), e};
    pool_ += word;
  }
  entries_.clear();
  entries_.rehash(0);
}

const Lexicon::Entry* Lexicon::find(std::u32string_view key, std::uint64_t key_hash) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = key_hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.length == 0) return nullptr;
    // A 64-bit hash and the length identify a key: among a million keys the odds of two sharing
    // both are about 3e-8, and the price would be one odd word boundary. Comparing the characters
    // as well cost a sixth of segmentation time.
    if (slot.hash == key_hash && slot.length == key.size()) return &slot.entry;
  }
}

bool Lexicon::load_general(const std::string& path, TextFolder& folder) {
  std::ifstream in(path);
  if (!in) return false;
  entries_.reserve(entries_.size() + 800000);
  std::string line;
  while (std::getline(in, line)) {
    auto space = line.find(' ');
    if (space == std::string::npos || space == 0) continue;
    double frequency = std::atof(line.c_str() + space + 1);
    std::u32string word = fold_to_code_points(std::string_view(line).substr(0, space), folder);
    add_general(word, frequency);
  }
  return true;
}

void Lexicon::load_domain(const std::string& path, TextFolder& folder) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the domain lexicon");
  std::string line;
  while (std::getline(in, line)) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    auto last = line.find_last_not_of(" \t\r");
    add_domain(fold_to_code_points(std::string_view(line).substr(first, last - first + 1), folder));
  }
}

std::shared_ptr<const Lexicon> Lexicon::standard() {
  static std::once_flag once;
  static std::shared_ptr<const Lexicon> lexicon;
  std::call_once(once, [] {
    auto built = std::make_shared<Lexicon>();
    TextFolder folder;
    if (auto general = general_lexicon_path(); !general.empty()) built->load_general(general, folder);
    std::string dir = analysis_data_dir();
    built->load_domain(dir + "/lexicon.txt", folder);
    for (const auto& concept_entry : Glossary::standard()->concepts())
      for (const auto& form : concept_entry.forms)
        if (form.chinese) built->add_domain(fold_to_code_points(form.text, folder));
    built->finish();
    lexicon = std::move(built);
  });
  return lexicon;
}

}  // namespace provisio
