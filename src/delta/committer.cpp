#include "delta/committer.h"

#include <set>

#include "core/error.h"
#include "core/lake_paths.h"
#include "delta/action_json.h"

namespace uw::delta {
namespace {

// Enough for a handful of concurrent pipelines; a loop that keeps losing means something is
// committing in a tight loop, which is worth an error.
constexpr int kMaxAttempts = 100;

// Replays the commits after snapshot.version and decides whether `commit` may follow them.
void CatchUp(const storage::ObjectStore& store, std::string_view table_root, Snapshot& snapshot,
             Commit& commit, ConflictRule rule) {
  const auto latest = LatestVersion(store, table_root);
  if (!latest)
    Fail(ErrorCode::kCorrupt, "{}: a Delta commit exists but the log lists none", table_root);
  std::set<std::string> our_removes;
  for (const auto& remove : commit.removes) our_removes.insert(remove.path);
  for (int64_t version = snapshot.version + 1; version <= *latest; ++version) {
    const Commit theirs = ParseCommit(store.Get(lake::DeltaCommit(table_root, version)), version);
    if (rule == ConflictRule::kFail) {
      Fail(ErrorCode::kConflict, "{}: another writer committed Delta version {} first", table_root,
           version);
    }
    if (theirs.metadata && commit.metadata) {
      // Both tried to create (or re-describe) the table: fine when they agree.
      const auto& ours = *commit.metadata;
      if (theirs.metadata->schema != ours.schema ||
          theirs.metadata->partition_columns != ours.partition_columns) {
        Fail(ErrorCode::kConflict, "{}: Delta version {} set a different schema concurrently",
             table_root, version);
      }
      commit.metadata.reset();
      commit.protocol.reset();
    } else if (theirs.metadata && version > 0) {
      Fail(ErrorCode::kConflict, "{}: Delta version {} changed the table metadata concurrently",
           table_root, version);
    }
    for (const auto& remove : theirs.removes) {
      if (our_removes.count(remove.path) != 0) {
        Fail(ErrorCode::kConflict, "{}: Delta version {} already removed {}", table_root, version,
             remove.path);
      }
    }
    ApplyCommit(snapshot, version, theirs);
  }
}

}  // namespace

int64_t CommitVersion(storage::ObjectStore& store, std::string_view table_root, Snapshot& snapshot,
                      Commit commit, ConflictRule rule) {
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    const int64_t version = snapshot.version + 1;
    if (version == 0 && (!commit.protocol || !commit.metadata)) {
      Fail(ErrorCode::kInternal, "{}: Delta version 0 needs protocol and metaData", table_root);
    }
    if (store.PutIfAbsent(lake::DeltaCommit(table_root, version), SerializeCommit(commit))) {
      ApplyCommit(snapshot, version, commit);
      return version;
    }
    CatchUp(store, table_root, snapshot, commit, rule);
  }
  Fail(ErrorCode::kConflict, "{}: gave up committing after {} lost races", table_root,
       kMaxAttempts);
}

}  // namespace uw::delta
