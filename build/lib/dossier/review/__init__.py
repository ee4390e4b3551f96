"""Git-driven review: reading revisions from git, the semantic diff, the check gate,
approving drafts, and the page history the site shows."""
