# Sourced by the CI scripts: what an exit status of `upspec run` means (docs/run.md, docs/ci.md).
upspec_exit_meaning() {
  case $1 in
    0) echo "nothing failed" ;;
    1) echo "some case FAILed (with --strict, NON-STRICT counts too)" ;;
    2) echo "the run could not happen (bad arguments, unreadable corpus, a target that could not be brought up)" ;;
    3) echo "some case is ERROR: upspec could not judge it (e.g. the target could not be reached)" ;;
    *) echo "upspec ended abnormally" ;;
  esac
}
