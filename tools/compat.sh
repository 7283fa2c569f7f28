#!/usr/bin/env bash
# compat: runs every libvirt-python example ported to vertscript
# (scripts/examples/python/NAME.py) with python3-libvirt, the reference, and
# its Starlark twin (scripts/examples/NAME.star, which must be the same file
# minus its import lines) with vertscript, each on a fresh test:///default,
# and diffs their stdout and exit status. Prints "same" or "DIFFERENT" per
# example; exits 1 if any differs.
#
# Header lines of NAME.py configure a run:
#   # compat-args: ARG...    arguments of both runs ($TMP: a fresh directory
#                            of each run's own)
#   # compat-flags: FLAG...  vertscript flags (policy, e.g. --allow file)
set -u
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import libvirt' 2>/dev/null; then
	echo "compat: python3-libvirt is missing (apt-get install python3-libvirt)" >&2
	exit 1
fi
vs=bin/vertscript
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LIBVIRT_DEFAULT_URI=test:///default
failed=0
for py in scripts/examples/python/*.py; do
	name=$(basename "$py" .py)
	star=scripts/examples/$name.star
	work=$(mktemp -d "$tmp/$name.XXXX")
	args=$(sed -n 's/^# compat-args: //p' "$py")
	flags=$(sed -n 's/^# compat-flags: //p' "$py")
	if ! grep -v -E '^(import|from) ' "$py" | diff -u - "$star" >"$work/twin.diff"; then
		echo "DIFFERENT: $star is not $py minus its imports"
		cat "$work/twin.diff"
		failed=1
		continue
	fi
	# Each run gets its own $TMP.
	mkdir -p "$work/py" "$work/vs"
	# shellcheck disable=SC2086 # args and flags are word lists
	/usr/bin/python3 "$py" ${args//\$TMP/$work/py} >"$work/want" 2>"$work/want.err"
	wrc=$?
	# shellcheck disable=SC2086
	"$vs" ${flags//\$TMP/$work/vs} "$star" ${args//\$TMP/$work/vs} >"$work/got" 2>"$work/got.err"
	grc=$?
	if diff -u "$work/want" "$work/got" && [ "$wrc" -eq "$grc" ]; then
		echo "same: $name (exit $wrc)"
	else
		echo "DIFFERENT: $name (python exit $wrc, vertscript exit $grc)"
		tail -n 3 "$work/want.err" "$work/got.err"
		failed=1
	fi
done
exit $failed
