#!/usr/bin/env bash
# OSS-Fuzz / ClusterFuzzLite build of every fuzz target. Honours $CC, $CXX, $CFLAGS,
# $CXXFLAGS, $LIB_FUZZING_ENGINE, $OUT, $SRC and $WORK; writes to $OUT, per target, the binary
# <target>, <target>.dict, <target>.options and <target>_seed_corpus.zip (the seeds generated
# from corpus/, the committed seeds and every past finding).
#
# Outside OSS-Fuzz: OUT=/tmp/out CXX=clang++ CXXFLAGS='-fsanitize=address,undefined,fuzzer-no-link'
#   LIB_FUZZING_ENGINE=-fsanitize=fuzzer fuzz/build.sh
#   UPSPEC_FUZZ_JOBS  build parallelism (default: every core)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
: "${OUT:?OUT must name the output directory}"
CXX=${CXX:-clang++}
CXXFLAGS=${CXXFLAGS:-}
LIB_FUZZING_ENGINE=${LIB_FUZZING_ENGINE:--fsanitize=fuzzer}
work=${WORK:-$(mktemp -d)}
jobs=${UPSPEC_FUZZ_JOBS:-$(nproc)}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
mkdir -p "$OUT"

# OSS-Fuzz compiles C++ against libc++, which a distribution's librapidcheck (built for
# libstdc++) cannot link with: when its sources are at $SRC/rapidcheck (the Dockerfile unpacks
# the distribution's source package there), they are built with the same compiler and flags first.
prefix=()
if [[ -n ${SRC:-} && -d $SRC/rapidcheck ]]; then
  cmake -S "$SRC/rapidcheck" -B "$work/rapidcheck" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="$CXXFLAGS" -DCMAKE_INSTALL_PREFIX="$work/deps" \
    -DRC_ENABLE_TESTS=OFF -DRC_ENABLE_EXAMPLES=OFF
  cmake --build "$work/rapidcheck" --target install -j "$jobs"
  prefix=(-DCMAKE_PREFIX_PATH="$work/deps")
fi

# No build type: the optimisation and debug flags are OSS-Fuzz's, from $CXXFLAGS. OpenSSL is
# linked statically, so the binaries run on a runner image without the build image's libssl.
cmake -S "$root" -B "$work/upspec" "${generator[@]}" "${prefix[@]}" -DCMAKE_BUILD_TYPE= \
  -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DUPSPEC_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" -DOPENSSL_USE_STATIC_LIBS=TRUE \
  -DUPSPEC_BUILD_TESTS=OFF -DUPSPEC_BUILD_BENCH=OFF
cmake --build "$work/upspec" --target fuzz_all -j "$jobs"

source "$root/fuzz/common.sh"
for t in $(upspec_fuzz_targets); do
  bin=$work/upspec/fuzz/bin/$t
  [[ -x $bin ]] || continue
  cp "$bin" "$OUT/$t"
  cp "$root/fuzz/dict/$t.dict" "$OUT/$t.dict"
  cp "$root/fuzz/options/$t.options" "$OUT/$t.options"
  rm -f "$OUT/${t}_seed_corpus.zip"
  seeds=()
  while read -r d; do seeds+=("$d"); done < <(upspec_fuzz_seed_dirs "$work/upspec" "$t")
  # Flat, as OSS-Fuzz unpacks it; names are unique across the directories (case ids, hashes).
  (cd "$work" && rm -rf "zip-$t" && mkdir "zip-$t" &&
    find "${seeds[@]}" -type f ! -name '.*' -exec cp {} "zip-$t/" \; &&
    cd "zip-$t" && cmake -E tar cf "$OUT/${t}_seed_corpus.zip" --format=zip .)
done
echo "build.sh: fuzz targets in $OUT"
