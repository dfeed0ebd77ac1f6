// `provisio analyze` and `provisio segment`: look inside the analyser.
#include <iostream>
#include <string>

#include "analyzer.h"
#include "commands.h"

namespace provisio::cli {

Run add_analyze_command(CLI::App& root, const Terminal&) {
  auto* cmd = root.add_subcommand("analyze", "Print the terms indexing would produce for a text, with positions");
  auto words = std::make_shared<std::vector<std::string>>();
  auto lang = std::make_shared<std::string>("auto");
  cmd->add_option("--lang", *lang, "Show the terms of the English part (en), the Chinese part (zh) or both (auto)")
      ->check(CLI::IsMember({"en", "zh", "auto"}));
  cmd->add_option("text", *words, "The text (several arguments are joined with spaces)")->required();
  cmd->footer(
      "Output: one term a line, 'POSITION TERM' for positional terms (English words, Chinese bigrams)\n"
      "then '- TERM' for terms without positions (Z-prefixed stems and Chinese words, single characters).\n"
      "Indexing picks the analysis of each stretch of text by its script (Chinese characters are\n"
      "segmented, everything else is read as English); --lang en or zh shows only that part's terms.\n"
      "Example:\n  provisio analyze '3C認證 by HKAS-accredited laboratories'");
  return [words, lang] {
    std::string text;
    for (const auto& w : *words) text += (text.empty() ? "" : " ") + w;
    Analyzer analyzer;
    for (const auto& line : analyzer.analyze(text)) {
      // "POSITION TERM" or "- TERM": a Chinese term is non-ASCII after any "Z" prefix.
      std::string term = line.substr(line.find(' ') + 1);
      std::size_t first = !term.empty() && term[0] == 'Z' ? 1 : 0;
      bool chinese = term.size() > first && static_cast<unsigned char>(term[first]) >= 0x80;
      if (*lang == "auto" || (*lang == "zh") == chinese) std::cout << line << "\n";
    }
    if (auto bad = analyzer.invalid_utf8())
      std::cerr << "provisio: the text has " << bad << " invalid UTF-8 sequence" << (bad > 1 ? "s" : "")
                << " (analysed as U+FFFD)\n";
    return 0;
  };
}

Run add_segment_command(CLI::App& root, const Terminal&) {
  auto* cmd = root.add_subcommand("segment", "Split lines of Chinese text on stdin into words, separated by spaces");
  auto plain_icu = std::make_shared<bool>(false);
  cmd->add_flag("--plain-icu", *plain_icu, "ICU's word BreakIterator alone, without the lexicon (for comparison)");
  cmd->footer(
      "Reads UTF-8 lines on stdin and writes each line's words, separated by single spaces, as\n"
      "word-segmentation scorers read them (the characters are left as they were).\n"
      "Example:\n  echo '粵港澳大灣區的資質認定' | provisio segment");
  return [plain_icu] {
    Analyzer analyzer;
    auto mode = *plain_icu ? Segmenter::Mode::kPlainIcu : Segmenter::Mode::kFull;
    std::string line;
    long number = 0;
    while (std::getline(std::cin, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::cout << analyzer.segment_line(line, mode) << "\n";
      if (analyzer.invalid_utf8())
        std::cerr << "provisio: stdin:" << number << ": invalid UTF-8 (segmented as U+FFFD)\n";
    }
    return 0;
  };
}

}  // namespace provisio::cli
