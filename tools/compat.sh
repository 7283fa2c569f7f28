#!/usr/bin/env bash
# compat: runs libvirt-python scripts with python3-libvirt, the reference,
# and with vertscript, each on a fresh test:///default, and diffs their
# stdout and exit status.
#
#   scripts/examples/python/NAME.py  libvirt-python's examples, ported: the
#                                    file as it is, and its Starlark twin
#                                    (scripts/examples/NAME.star, which must
#                                    be the same file minus its import lines)
#   tests/compat/wild/*.py           real-world scripts, unchanged but for a
#                                    header of comments (tests/compat/wild/README.md)
#   tests/compat/guide/*.py          the examples of libvirt's Python
#                                    application development guide, likewise
#
# Each script prints one line:
#   same                      same stdout and exit status
#   DIFFERENT                 they differ (the diff and both stderr tails follow)
#   UNSUPPORTED (TOPIC)       vertscript refused it with a hint naming
#                             docs/porting.md#TOPIC (a class, a thread, ...)
#   skipped (python3 fails: ...)
#                             python3-libvirt itself ends with an uncaught
#                             exception or a timeout on the test driver
#                             (a real hypervisor, a missing module, Python 2
#                             syntax...); not counted
# then a count per set: "wild: N of M print the same (K unsupported: ...)".
# Exits 1 if a script vertscript supports prints differently.
#
# Header lines of a script configure its runs:
#   # compat-args: ARG...    arguments of both runs, after -- for vertscript
#                            ($TMP: a fresh directory
#                            of each run's own)
#   # compat-flags: FLAG...  vertscript flags (policy, e.g. --allow file)
#   # compat-skip: WHY        not compared: python3's own output varies
set -u
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import libvirt' 2>/dev/null; then
	echo "compat: python3-libvirt is missing (apt-get install python3-libvirt)" >&2
	exit 1
fi
vs=${VERTSCRIPT:-bin/vertscript}
# A script that runs longer than this (an event loop, a daemon) is stopped.
limit=${COMPAT_TIMEOUT:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LIBVIRT_DEFAULT_URI=test:///default
failed=0

# run_pair FILE SCRIPT: runs FILE with python3 and SCRIPT (FILE itself or
# its Starlark twin) with vertscript, sets $verdict to same,
# DIFFERENT, UNSUPPORTED (TOPIC) or skipped (python3 fails: ...) and prints
# the verdict line with the details of a difference.
run_pair() {
	local py=$1 script=$2 name work args flags wrc grc why label=""
	[ "$script" = "$py" ] || label=" as $script"
	name=$(basename "$py" .py)
	work=$(mktemp -d "$tmp/$name.XXXX")
	args=$(sed -n 's/^# compat-args: \{0,1\}//p' "$py")
	why=$(sed -n 's/^# compat-skip: //p' "$py")
	if [ -n "$why" ]; then
		echo "skipped ($why): $py"
		return
	fi
	flags=$(sed -n 's/^# compat-flags: //p' "$py")
	mkdir -p "$work/py" "$work/vs"
	# python3 runs in a directory of its own, so that what a script writes
	# there (a log) stays out of the tree; a relative path among its
	# arguments names a file of the tree.
	# Both runs get the same absolute path.
	local pyargs=() vsargs=() a
	# shellcheck disable=SC2086 # args is a word list
	for a in $args; do
		if [ -e "$a" ] && [ "${a#/}" = "$a" ]; then a="$PWD/$a"; fi
		pyargs+=("${a//\$TMP/$work/py}")
		vsargs+=("${a//\$TMP/$work/vs}")
	done
	(cd "$work/py" && timeout "$limit" /usr/bin/python3 "$OLDPWD/$py" "${pyargs[@]}" \
		</dev/null >"$work/want" 2>"$work/want.err")
	wrc=$?
	if [ "$wrc" -eq 124 ]; then
		verdict="skipped (python3 fails: no end after ${limit}s)"
		echo "$verdict: $py"
		return
	fi
	if [ "$wrc" -ne 0 ] && grep -q '^Traceback (most recent call last)' "$work/want.err"; then
		why=$(grep -v '^ ' "$work/want.err" | tail -n 1 | cut -c1-100)
		verdict="skipped (python3 fails: $why)"
		echo "$verdict: $py"
		return
	fi
	# shellcheck disable=SC2086
	timeout "$limit" "$vs" ${flags//\$TMP/$work/vs} "$script" -- "${vsargs[@]}" \
		</dev/null >"$work/got" 2>"$work/got.err"
	grc=$?
	if cmp -s "$work/want" "$work/got" && [ "$wrc" -eq "$grc" ]; then
		verdict=same
		echo "same: $py$label (exit $wrc)"
	elif [ "$grc" -ne 0 ] && grep -q 'docs/porting\.md' "$work/got.err"; then
		why=$(grep -o -m 1 'docs/porting\.md#[a-z-]*' "$work/got.err" | sed 's/.*#//')
		verdict="UNSUPPORTED (${why:-see docs/porting.md})"
		echo "$verdict: $py$label: $(grep -m 1 'docs/porting\.md' "$work/got.err" | cut -c1-160)"
	else
		verdict=DIFFERENT
		echo "DIFFERENT: $py$label (python exit $wrc, vertscript exit $grc)"
		diff -u "$work/want" "$work/got" | head -n 20
		tail -n 3 "$work/want.err" "$work/got.err"
	fi
}

# The ported examples: the twin check, then the Starlark twin and the .py
# itself against python3.
for py in scripts/examples/python/*.py; do
	name=$(basename "$py" .py)
	star=scripts/examples/$name.star
	if ! grep -v -E '^(import|from) ' "$py" | diff -u - "$star" >"$tmp/twin.diff"; then
		echo "DIFFERENT: $star is not $py minus its imports"
		cat "$tmp/twin.diff"
		failed=1
		continue
	fi
	run_pair "$py" "$star"
	[ "$verdict" = same ] || failed=1
	run_pair "$py" "$py"
	[ "$verdict" = same ] || failed=1
done

# run_set NAME DIR: every script of DIR as it is, then the count line.
run_set() {
	local set=$1 dir=$2 same=0 total=0 unsupported=0 topics="" py
	for py in "$dir"/*.py; do
		run_pair "$py" "$py"
		case $verdict in
		same)
			same=$((same + 1)) total=$((total + 1)) ;;
		UNSUPPORTED*)
			unsupported=$((unsupported + 1)) total=$((total + 1))
			topics="$topics${verdict#UNSUPPORTED (}" ;;
		DIFFERENT)
			total=$((total + 1)) failed=1 ;;
		esac
	done
	topics=$(printf '%s' "$topics" | tr ')' '\n' | sort | uniq -c |
		awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1}')
	echo "$set: $same of $total print the same ($unsupported unsupported${topics:+: $topics})"
}
run_set wild tests/compat/wild
run_set guide tests/compat/guide
exit $failed
