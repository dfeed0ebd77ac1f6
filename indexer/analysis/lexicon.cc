#include "lexicon.h"

#include <unicode/utf8.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "data_files.h"
#include "fnv1a.h"
#include "han_fold_table.h"
#include "glossary.h"
#include "text_folder.h"

namespace provisio {

std::u32string fold_to_code_points(std::string_view utf8, TextFolder& folder) {
  std::u32string out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t length = static_cast<int32_t>(utf8.size()), i = 0;
  std::size_t invalid = 0;
  while (i < length)
    if (char32_t code = folder.fold_code(next_code_point(bytes, i, length, invalid))) out += code;
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
  owned_slots_.assign(capacity, Slot{});
  owned_pool_.clear();
  for (const auto& [word, e] : entries_) {
    std::uint64_t h = hash(word);
    std::size_t i = h & (capacity - 1);
    while (owned_slots_[i].length != 0) i = (i + 1) & (capacity - 1);
    owned_slots_[i] = Slot{h, static_cast<std::uint32_t>(owned_pool_.size()), static_cast<std::uint32_t>(word.size()), e};
    owned_pool_ += word;
  }
  mapping_.reset();
  slots_ = owned_slots_.data();
  slot_count_ = owned_slots_.size();
  pool_ = owned_pool_;
  entries_.clear();
  entries_.rehash(0);
}

const Lexicon::Entry* Lexicon::find(std::u32string_view key, std::uint64_t key_hash) const {
  if (slot_count_ == 0) return nullptr;
  const std::size_t mask = slot_count_ - 1;
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

namespace {

// Identifies this build's table layout and the sources it was built from.
constexpr char kCacheMagic[8] = {'P', 'V', 'L', 'E', 'X', '0', '0', '1'};

struct CacheHeader {
  char magic[8];
  std::uint64_t slot_size, slots, pool, general_words, domain_words, max_length;
  float unknown_log_p;
};

// The folder of the lexicon caches: ${XDG_CACHE_HOME:-$HOME/.cache}/provisio, or "" when neither
// variable is set (then nothing is cached).
std::string cache_folder() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/provisio";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/provisio";
  return "";
}

// A name for the cache of a lexicon built from `sources`: their paths, sizes and modification
// times, the cache format and the fold table the words were folded with (a new ICU may change it).
std::string cache_file(const std::vector<std::string>& sources) {
  std::string dir = cache_folder();
  if (dir.empty()) return "";
  std::uint64_t h = fnv1a(std::string_view(kCacheMagic, sizeof kCacheMagic));
  h = fnv1a(hex64(han_fold_table_fingerprint()), h);
  for (const auto& source : sources) {
    std::error_code ec;
    auto size = std::filesystem::file_size(source, ec);
    auto time = std::filesystem::last_write_time(source, ec).time_since_epoch().count();
    h = fnv1a(source + ":" + std::to_string(size) + ":" + std::to_string(time) + "\n", h);
  }
  return dir + "/lexicon-" + hex64(h) + ".bin";
}

// Removes the lexicon caches in `path`'s folder other than `path` itself: each edit of the word
// lists or new fold table leaves a 30 MB file behind otherwise.
void remove_other_caches(const std::string& path) {
  std::error_code ec;
  auto keep = std::filesystem::path(path).filename();
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path(), ec)) {
    auto name = entry.path().filename().string();
    bool cache = name.rfind("lexicon-", 0) == 0 && name.size() > 4 && name.compare(name.size() - 4, 4, ".bin") == 0;
    if (cache && entry.path().filename() != keep)  // not "….bin.tmpPID": another process's write
      std::filesystem::remove(entry.path(), ec);
  }
}

}  // namespace

bool Lexicon::write_cache(const std::string& path) const {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::string temp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary);
    CacheHeader header{};
    std::memcpy(header.magic, kCacheMagic, sizeof header.magic);
    header.slot_size = sizeof(Slot);
    header.slots = slot_count_;
    header.pool = pool_.size();
    header.general_words = general_words_;
    header.domain_words = domain_words_;
    header.max_length = max_length_;
    header.unknown_log_p = unknown_log_p_;
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(reinterpret_cast<const char*>(slots_), static_cast<std::streamsize>(slot_count_ * sizeof(Slot)));
    out.write(reinterpret_cast<const char*>(pool_.data()), static_cast<std::streamsize>(pool_.size() * sizeof(char32_t)));
    if (!out) {
      std::filesystem::remove(temp, ec);
      return false;
    }
  }
  // Renamed into place whole, so a reader never sees half a table.
  std::filesystem::rename(temp, path, ec);
  if (ec) std::filesystem::remove(temp, ec);
  return !ec;
}

std::shared_ptr<Lexicon> Lexicon::read_cache(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  void* base = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && static_cast<std::size_t>(st.st_size) >= sizeof(CacheHeader))
    base = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping keeps the file's pages
  if (base == MAP_FAILED) return nullptr;
  std::size_t size = static_cast<std::size_t>(st.st_size);
  std::shared_ptr<const void> mapping(base, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });

  // The header, then the slots (the header's size keeps them 8-byte aligned), then the pool.
  static_assert(sizeof(CacheHeader) % alignof(Slot) == 0);
  CacheHeader header{};
  std::memcpy(&header, base, sizeof header);
  if (std::memcmp(header.magic, kCacheMagic, sizeof header.magic) != 0 || header.slot_size != sizeof(Slot) ||
      header.slots == 0 || (header.slots & (header.slots - 1)) != 0 ||
      size != sizeof header + header.slots * sizeof(Slot) + header.pool * sizeof(char32_t))
    return nullptr;
  auto lexicon = std::make_shared<Lexicon>();
  const char* bytes = static_cast<const char*>(base);
  lexicon->slots_ = reinterpret_cast<const Slot*>(bytes + sizeof header);
  lexicon->slot_count_ = header.slots;
  lexicon->pool_ = std::u32string_view(
      reinterpret_cast<const char32_t*>(bytes + sizeof header + header.slots * sizeof(Slot)), header.pool);
  lexicon->mapping_ = std::move(mapping);
  lexicon->general_words_ = header.general_words;
  lexicon->domain_words_ = header.domain_words;
  lexicon->max_length_ = header.max_length;
  lexicon->unknown_log_p_ = header.unknown_log_p;
  return lexicon;
}

std::shared_ptr<const Lexicon> Lexicon::standard() {
  static std::once_flag once;
  static std::shared_ptr<const Lexicon> lexicon;
  std::call_once(once, [] {
    std::string general_path = general_lexicon_path(), dir = analysis_data_dir();
    std::string cache = cache_file({general_path, dir + "/lexicon.txt", dir + "/glossary.tsv"});
    if (!cache.empty()) {
      if (auto cached = read_cache(cache)) {
        lexicon = std::move(cached);
        return;
      }
    }
    auto built = std::make_shared<Lexicon>();
    TextFolder folder;
    if (!general_path.empty()) built->load_general(general_path, folder);
    built->load_domain(dir + "/lexicon.txt", folder);
    for (const auto& concept_entry : Glossary::standard()->concepts())
      for (const auto& form : concept_entry.forms)
        if (form.chinese) built->add_domain(fold_to_code_points(form.text, folder));
    built->finish();
    if (!cache.empty() && built->write_cache(cache)) remove_other_caches(cache);
    lexicon = std::move(built);
  });
  return lexicon;
}

}  // namespace provisio
