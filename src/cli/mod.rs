//! The command line: clap arguments and the subcommands. The only layer that prints.
