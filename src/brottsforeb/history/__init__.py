"""Git history as decisions: the Repo at any revision, two Repos compared, commits named.

The package splits by concern:

- ``_git``: git access — open the repository read-only, resolve revisions, read blobs
  through the bounded reader, clean commit metadata (GitPython only here);
- ``_sentences``: the words — entities by name, keys by the models' Swedish labels;
- ``_diff``: the semantic diff of two Repos, field by field;
- ``_minutes``: ``bfa minutes`` — the range, each change with the commit that made it;
- ``_output``: terminal lines, Markdown, JSON, and the policy for writing a file;
- ``_log``: ``bfa log`` — one entity's history.
"""

from __future__ import annotations

from ._diff import Change, diff_repos, field_changes
from ._failures import git_errors, guarded, import_git
from ._git import WORKTREE, CommitInfo, load_at, open_git, require_commits, resolve
from ._log import entity_log, log_lines
from ._minutes import Minutes, Revision, minutes
from ._output import (
    attribution,
    grouped,
    human_lines,
    render_minutes,
    span,
    to_json,
    to_markdown,
    write_minutes,
)

__all__ = [
    "WORKTREE",
    "Change",
    "CommitInfo",
    "Minutes",
    "Revision",
    "attribution",
    "diff_repos",
    "entity_log",
    "field_changes",
    "git_errors",
    "grouped",
    "guarded",
    "human_lines",
    "import_git",
    "load_at",
    "log_lines",
    "minutes",
    "open_git",
    "render_minutes",
    "require_commits",
    "resolve",
    "span",
    "to_json",
    "to_markdown",
    "write_minutes",
]
