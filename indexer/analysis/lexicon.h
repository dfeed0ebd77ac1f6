// A Chinese word list for segmentation: words folded to the index form (NFKC, Simplified), each
// with a log-probability, and whether it comes from the domain lexicon (whose longest match always
// wins) or from a general word list (which only weighs candidate segmentations).
//
// Every prefix of a word is stored too (as a non-word), so a segmenter can stop looking for longer
// words as soon as a prefix is unknown.
//
// A Lexicon is filled once and then only read: a const Lexicon may be shared by any number of
// threads. standard() is the process-wide one, loaded on first use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fnv1a.h"

namespace provisio {

class TextFolder;

class Lexicon {
 public:
  struct Entry {
    float log_p = 0;      // natural log of the word's probability when `general`; 0 otherwise
    bool word = false;    // false: only a prefix of longer words
    bool general = false; // in the general word list (log_p is meaningful)
    bool domain = false;  // from the domain lexicon or the glossary: longest match wins
  };

  Lexicon() = default;
  // The finished table points into the object's own storage (or its mapping): not copyable.
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // Adds a general word with its corpus frequency (> 0). Words already present keep the higher one.
  void add_general(std::u32string_view word, double frequency);
  // Adds a domain word (two characters or more; shorter ones are ignored).
  void add_domain(std::u32string_view word);
  // Must be called after the last add_*() and before find(): turns frequencies into log-probabilities.
  void finish();

  // The entry for `key` (a word or a prefix of one), or nullptr. REQUIRES: finish() was called.
  const Entry* find(std::u32string_view key) const { return find(key, hash(key)); }
  // The same with the key's hash given, so that a segmenter extending a key one character at a
  // time hashes each character once: hash(k + c) == hash_step(hash(k), c).
  const Entry* find(std::u32string_view key, std::uint64_t key_hash) const;
  // FNV-1a over code points (fnv1a.h).
  static constexpr std::uint64_t kHashStart = kFnv1aOffset;
  static std::uint64_t hash_step(std::uint64_t h, char32_t c) { return fnv1a_step(h, c); }
  static std::uint64_t hash(std::u32string_view key) {
    std::uint64_t h = kHashStart;
    for (char32_t c : key) h = hash_step(h, c);
    return h;
  }
  // Log-probability given to a character or word the general list does not know.
  float unknown_log_p() const { return unknown_log_p_; }
  // The longest word, in characters.
  std::size_t max_length() const { return max_length_; }
  std::size_t general_words() const { return general_words_; }
  std::size_t domain_words() const { return domain_words_; }

  // Reads a general word list: `word frequency [tag]` per line (jieba's dict.txt format); words are
  // folded with `folder`. Returns false (and leaves the lexicon as it was) when it cannot be read.
  bool load_general(const std::string& path, TextFolder& folder);
  // Reads a domain lexicon: one word a line, '#' starts a comment; words are folded with `folder`.
  // Throws std::runtime_error naming the file when it cannot be read.
  void load_domain(const std::string& path, TextFolder& folder);

  // The process-wide lexicon: the general word list (general_lexicon_path()), the domain lexicon
  // (analysis_data_dir()/lexicon.txt) and the glossary's Chinese forms. Loaded on first call
  // (thread-safe); throws std::runtime_error when the domain files are missing or malformed.
  //
  // Building it reads about 350,000 words (most of a second); the finished table is therefore
  // kept in ${XDG_CACHE_HOME:-$HOME/.cache}/provisio, keyed by the size and time of every source
  // file, and read back in a few milliseconds by later processes. The cache is derived data: a
  // missing, stale or unreadable one is rebuilt, and failing to write it is not an error.
  static std::shared_ptr<const Lexicon> standard();

  // The finished table to / from a file (the cache above). read_cache() maps the file into memory
  // rather than reading it, so a process that looks up a handful of words (a search) touches a
  // handful of pages of the 30 MB table; it returns nullptr when the file is missing or not a
  // table written by this build.
  bool write_cache(const std::string& path) const;
  static std::shared_ptr<Lexicon> read_cache(const std::string& path);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::u32string_view s) const { return std::hash<std::u32string_view>{}(s); }
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(std::u32string_view a, std::u32string_view b) const { return a == b; }
  };
  Entry& insert(std::u32string_view word);

  std::unordered_map<std::u32string, Entry, Hash, Equal> entries_;  // while filling
  // After finish(): an open-addressing table (linear probing) over one pool of characters, which
  // is several times faster to search than the map (segmentation looks up every prefix).
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;  // 0: empty slot
    Entry entry;
  };
  std::vector<Slot> owned_slots_;       // built by finish()...
  std::shared_ptr<const void> mapping_;  // ...or mapped by read_cache()
  const Slot* slots_ = nullptr;          // whichever of the two holds the table
  std::size_t slot_count_ = 0;
  // The keys' characters, owned or mapped like the slots (kept in the cache; lookups need only
  // the hashes and lengths).
  std::u32string owned_pool_;
  std::u32string_view pool_;
  double total_frequency_ = 0;  // of general words; their log_p holds the frequency until finish()
  float unknown_log_p_ = 0;
  std::size_t max_length_ = 1;
  std::size_t general_words_ = 0;
  std::size_t domain_words_ = 0;
};

// `utf8` folded to the index form, as code points (NFKC, Traditional -> Simplified).
std::u32string fold_to_code_points(std::string_view utf8, TextFolder& folder);

}  // namespace provisio
