"""Spelling and grammar: the offline dictionary (`spelling`), LanguageTool over HTTP, local or on a
server the user chose, and the service that turns their answers into findings with zero points:
the four scores never depend on the network.

`grammar` (the checker) with `grammar_model` (settings, states, results) and `grammar_scheduler`;
LanguageTool's side: `languagetool` (server addresses, HTTP client), `local_server` (Java and a
LanguageTool on this computer), `download` (fetch and unpack it on request), `matches` (UTF-16
offsets, its answer as findings), `reasons` (reason codes and their one-line texts).

May import: `resonanz.core.analysis` and the foundation modules.
"""
