"""Demo content for a fresh portal: the site, its users and shared illustrations.

Each app that has demo content exposes a module with `load(stdout)`; the
`load_demo` command runs them in order.
"""
