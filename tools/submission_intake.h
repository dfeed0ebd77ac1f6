// What `submission add` is given, turned into the things it files: files as they are, folders
// walked, Maildir folders and mbox files split into their messages.
//
// Not thread-safe (one intake per command).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace provisio::cli {

// One input as found on disk, before it is read.
struct IntakeSource {
  std::string path;
  bool message = false;  // a Maildir message file: read as .eml whatever its name
  std::string error;     // set when the input cannot be used at all ("x: cannot read: No such file…")
};

// The sources of `args` in order: a file is itself; a folder is walked (every file below it, in
// name order; names starting with "." are skipped, as are a Maildir's tmp/ files); a Maildir
// folder (cur/ and new/) gives its messages. A missing path is a source with an error.
std::vector<IntakeSource> list_sources(const std::vector<std::string>& args);

// One thing to read and file.
struct IntakeItem {
  std::string shown;      // how messages name it: the path, or "path#N" for the Nth message of an mbox
  std::string file_name;  // what the store records: the file's name, or "inbox.mbox#N"
  std::string bytes;      // the file or message as received
  bool email = false;     // read as .eml whatever the name (mailbox messages)
  std::string error;      // set (and `bytes` empty) when it could not be read; names `shown`
};

// Reads `source` and calls `each` with what it holds: the file, or each message of an mbox file
// (an .mbox file, or a file without extension that starts with an mbox "From " line), or one item
// with an error (unreadable, too large: reader.h's kMaxSubmissionBytes, kMaxMailboxBytes for mbox).
void read_source(const IntakeSource& source, const std::function<void(IntakeItem&&)>& each);

}  // namespace provisio::cli
