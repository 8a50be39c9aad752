#!/bin/bash -eu
# ClusterFuzzLite runs this in the image of .clusterfuzzlite/Dockerfile; the build itself is
# fuzz/build.sh, which local builds use too.
bash "$SRC/upspec/fuzz/build.sh"
