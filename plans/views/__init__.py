"""Plans pages, split by responsibility: plans (appendix view and editing), tasks, lists, reports, calendar."""
