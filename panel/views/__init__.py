"""Views of the panel, one module per sub-domain (home, join, my_data, polls, gesprekken,
organise); shared helpers in `common`. Thin: parse, call access/selectors/services, render;
domain errors become Dutch messages (common.MESSAGES)."""
