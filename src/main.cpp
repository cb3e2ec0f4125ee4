// unwrapped: parse the command line, run one command, map errors to exit codes (cli/app.cpp).
#include "cli/app.h"

int main(int argc, char** argv) { return uw::cli::Main(argc, argv); }
