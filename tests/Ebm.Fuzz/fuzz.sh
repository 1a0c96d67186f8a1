#!/usr/bin/env bash
# Fuzzes one reader of ebm with afl-fuzz and SharpFuzz.
#
#   tests/Ebm.Fuzz/fuzz.sh TARGET [SECONDS]     TARGET: model | data | schedule | options; SECONDS: default 900
#   EBM_FUZZ_RESUME=1 tests/Ebm.Fuzz/fuzz.sh TARGET [SECONDS]   continues from the last run's queue (after a fix)
#
# Needs afl-fuzz (Debian: apt-get install -y afl++) and the sharpfuzz tool
# (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0). Publishes tests/Ebm.Fuzz in Release,
# instruments the ebm assemblies (and System.CommandLine for the options target), then runs afl-fuzz on one
# core at the lowest priority from the seed corpus corpus/TARGET with the dictionary dictionaries/TARGET.dict.
# Findings land in tests/Ebm.Fuzz/.build/findings/TARGET (ignored by git); the script ends with afl's
# statistics and replays every crash and hang, printing the finding of each. A crash to keep goes into
# regressions/TARGET/, which the test suite replays (FuzzRegressionTests).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: fuzz.sh model|data|schedule|options [SECONDS]}"
seconds="${2:-900}"
case "$target" in model | data | schedule | options) ;; *) echo "unknown target $target" >&2; exit 2 ;; esac

build="$here/.build"
publish="$build/publish-$target"
findings="$build/findings/$target"
export PATH="$PATH:$HOME/.dotnet/tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

input="$here/corpus/$target"
if [ "${EBM_FUZZ_RESUME:-0}" = 1 ] && [ -d "$findings/default/queue" ]; then
  input="$build/resume-$target"
  rm -rf "$input" && cp -r "$findings/default/queue" "$input" && rm -rf "$input/.state"
fi
rm -rf "$publish" "$findings"
mkdir -p "$build/findings"
dotnet publish "$here/Ebm.Fuzz.csproj" -c Release -o "$publish" -p:UseAppHost=false >/dev/null
assemblies=(Ebm.Functional.dll Ebm.Functional.Shell.dll ebm.dll)
if [ "$target" = options ]; then assemblies+=(System.CommandLine.dll); fi
for assembly in "${assemblies[@]}"; do sharpfuzz "$publish/$assembly"; done

# afl-fuzz runs a .NET program, not an instrumented native binary, and does not need the CPU governor or
# core pattern it usually checks; persistent runs keep the JIT warm.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
nice -n 19 afl-fuzz -i "$input" -o "$findings" -x "$here/dictionaries/$target.dict" -t 5000 -m none -V "$seconds" \
  -- dotnet "$publish/Ebm.Fuzz.dll" "$target" >"$build/afl-$target.log" 2>&1 || { tail -n 30 "$build/afl-$target.log"; exit 1; }

stats="$findings/default/fuzzer_stats"
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|bitmap_cvg|edges_found|total_edges|saved_crashes|saved_hangs|stability)' "$stats"
for kind in crashes hangs; do
  if compgen -G "$findings/default/$kind/id*" >/dev/null; then
    echo "== $kind"
    # The instrumented assemblies only run under afl-fuzz; replay with the build they were copied from.
    dotnet "$here/bin/Release/net10.0/Ebm.Fuzz.dll" "$target" --replay "$findings/default/$kind" || true
  fi
done
