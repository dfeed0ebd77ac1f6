#include "submission_intake.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "mailbox.h"
#include "reader.h"

namespace provisio::cli {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void add_maildir(const fs::path& folder, std::vector<IntakeSource>& out) {
  for (const auto& m : submissions::maildir_messages(folder)) out.push_back({m.string(), true, ""});
}

// Every file below `folder`, in name order, Maildirs as their messages.
void walk(const fs::path& folder, std::vector<IntakeSource>& out) {
  if (submissions::is_maildir(folder)) return add_maildir(folder, out);
  std::error_code ec;
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(folder, ec)) entries.push_back(e.path());
  if (ec) {
    out.push_back({folder.string(), false, folder.string() + ": cannot read the folder: " + ec.message()});
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    if (hidden(p)) continue;
    std::error_code type_ec;
    if (fs::is_directory(p, type_ec)) walk(p, out);
    else if (fs::is_regular_file(p, type_ec)) out.push_back({p.string(), false, ""});
  }
}

std::string lower_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

std::string megabytes(std::uintmax_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

}  // namespace

std::vector<IntakeSource> list_sources(const std::vector<std::string>& args) {
  std::vector<IntakeSource> out;
  for (const auto& arg : args) {
    std::error_code ec;
    if (fs::is_directory(arg, ec)) walk(arg, out);
    else out.push_back({arg, false, ""});
  }
  return out;
}

void read_source(const IntakeSource& source, const std::function<void(IntakeItem&&)>& each) {
  IntakeItem item;
  item.shown = source.path;
  item.file_name = fs::path(source.path).filename().string();
  item.email = source.message;
  auto fail = [&](const std::string& error) {
    item.error = error;
    each(std::move(item));
  };
  if (!source.error.empty()) return fail(source.error);
  std::string ext = lower_extension(source.path);
  bool maybe_mbox = !source.message && (ext == ".mbox" || ext.empty());
  std::error_code ec;
  std::uintmax_t size = fs::file_size(source.path, ec);
  if (!ec) {
    std::uintmax_t limit = maybe_mbox ? submissions::kMaxMailboxBytes : submissions::kMaxSubmissionBytes;
    if (size > limit)
      return fail(source.path + ": the file is " + megabytes(size) + ", more than the " + megabytes(limit) + " read");
  }
  std::ifstream in(source.path, std::ios::binary);
  if (!in) return fail(source.path + ": cannot read: " + std::generic_category().message(errno));
  std::ostringstream s;
  s << in.rdbuf();
  item.bytes = s.str();
  if (!maybe_mbox || !(ext == ".mbox" || submissions::looks_like_mbox(item.bytes))) return each(std::move(item));
  std::vector<submissions::MailboxMessage> messages;
  try {
    messages = submissions::split_mbox(source.path, item.bytes);
  } catch (const submissions::ReadError& e) {
    item.bytes.clear();
    return fail(e.what());
  }
  item.bytes.clear();
  std::string folder = fs::path(source.path).parent_path().string();
  for (auto& m : messages) {
    IntakeItem message;
    message.file_name = m.name;
    message.shown = folder.empty() ? m.name : (fs::path(folder) / m.name).string();
    message.email = true;
    if (m.bytes.size() > submissions::kMaxSubmissionBytes)
      message.error = message.shown + ": the message is " + megabytes(m.bytes.size()) + ", more than the " +
                      megabytes(submissions::kMaxSubmissionBytes) + " read";
    else
      message.bytes = std::move(m.bytes);
    each(std::move(message));
  }
}

}  // namespace provisio::cli
