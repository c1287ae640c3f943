"""The ways in: the `dualchain` command line (cli.py) and, later, the HTTP API."""
