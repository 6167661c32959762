# completion/relgraph.bash - bash completion for relgraph(1): commands,
# each command's options (read from `relgraph help CMD`, so it never falls
# behind the program), option values, actor ids (from `relgraph actors
# list`) and file paths.  Installed as
# PREFIX/share/bash-completion/completions/relgraph; or: source this file.

# _relgraph_help PROG CMD: the help of CMD (cached for the shell session)
_relgraph_help()
{
	local key="$1 $2"
	if [[ ${_relgraph_help_key-} != "$key" ]]; then
		_relgraph_help_text=$("$1" help "$2" 2>/dev/null)
		_relgraph_help_key=$key
	fi
	printf '%s\n' "$_relgraph_help_text"
}

# _relgraph_opt_line PROG CMD OPT: the help line of option OPT ("--name")
_relgraph_opt_line()
{
	_relgraph_help "$1" "$2" | grep -E -- "^ *(-[a-zA-Z], )?$3( |\$)" | head -n 1
}

# _relgraph_opt_arg PROG CMD OPT: the argument name of OPT (FILE, N...), or
# nothing when OPT is a flag; OPT may be "-x" or "--name"
_relgraph_opt_arg()
{
	local line
	if [[ $3 == --* ]]; then
		line=$(_relgraph_opt_line "$1" "$2" "$3")
	else
		line=$(_relgraph_help "$1" "$2" | grep -E -- "^ *$3, --" | head -n 1)
	fi
	[[ -n $line ]] || return 1
	sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}--[a-z0-9-]* \([A-Z][A-Z_]*\) .*/\2/p' <<<"$line"
}

_relgraph_ids()
{
	if [[ -z ${_relgraph_ids_cache-} ]]; then
		_relgraph_ids_cache=$("$1" actors list 2>/dev/null | tail -n +2 | cut -f1)
	fi
	printf '%s\n' "$_relgraph_ids_cache"
}

# _relgraph_values PROG CMD OPT: the words an option's help lists as values
# ("table (default), tsv, csv or json" -> table tsv csv json)
_relgraph_values()
{
	local help opt=$3
	if [[ $opt != --* ]]; then
		opt=$(_relgraph_help "$1" "$2" | sed -n "s/^ *$opt, \(--[a-z0-9-]*\).*/\1/p" | head -n 1)
	fi
	help=$(_relgraph_opt_line "$1" "$2" "$opt" |
	       sed -e 's/^ *\(-[a-zA-Z], \)\{0,1\}--[a-z0-9-]*\( [A-Z_]*\)\{0,1\} *//' \
		   -e 's/([^)]*)//g')
	help=${help##*: }
	sed -e 's/ or /,/g' <<<"$help" | tr ',' '\n' |
		awk '{ w = $NF; if (w ~ /^[a-z0-9][a-zA-Z0-9+:._-]*$/) print w }'
}

_relgraph()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local prog=${COMP_WORDS[0]} cmd=${COMP_WORDS[1]-} arg i w operands=0
	COMPREPLY=()
	[[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
	if ((COMP_CWORD == 1)); then
		local cmds
		cmds=$("$prog" --help 2>/dev/null | awk '/^commands:/ { f = 1; next }
			f && NF == 0 { exit } f { print $1 }')
		COMPREPLY=($(compgen -W "$cmds --help --version" -- "$cur"))
		return
	fi
	if [[ $cmd == help ]]; then
		((COMP_CWORD == 2)) && COMPREPLY=($(compgen -W "$("$prog" --help 2>/dev/null |
			awk '/^commands:/ { f = 1; next } f && NF == 0 { exit } f { print $1 }')" -- "$cur"))
		return
	fi
	# the value of an option
	if [[ $prev == -* && $COMP_CWORD -gt 2 ]] || [[ $prev == -* && $COMP_CWORD -eq 2 ]]; then
		arg=$(_relgraph_opt_arg "$prog" "$cmd" "$prev")
		case $arg in
		FILE) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
		DIR) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return ;;
		ID) COMPREPLY=($(compgen -W "$(_relgraph_ids "$prog")" -- "$cur")); return ;;
		TYPE|LIST) COMPREPLY=($(compgen -W "country person org place group" -- "$cur")); return ;;
		N|TEXT|DATE|W|ALPHA|K) return ;;
		?*) COMPREPLY=($(compgen -W "$(_relgraph_values "$prog" "$cmd" "$prev")" -- "$cur"))
		    return ;;
		esac
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_relgraph_help "$prog" "$cmd" |
			sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z0-9-]*\).*/\2/p')" -- "$cur"))
		return
	fi
	# count the operands before the cursor (skipping options and their values)
	for ((i = 2; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ $w == -?* ]]; then
			[[ $w == *=* ]] || [[ -z $(_relgraph_opt_arg "$prog" "$cmd" "$w") ]] || ((i++))
		else
			((operands++))
		fi
	done
	case $cmd in
	explain)
		if ((operands < 2)); then
			COMPREPLY=($(compgen -W "$(_relgraph_ids "$prog")" -- "$cur"))
			return
		fi ;;
	actors)
		if ((operands == 0)); then
			COMPREPLY=($(compgen -W "list lookup check" -- "$cur"))
			return
		fi
		local verb
		for ((i = 2; i < COMP_CWORD; i++)); do
			case ${COMP_WORDS[i]} in list|lookup|check) verb=${COMP_WORDS[i]}; break ;; esac
		done
		[[ $verb == check ]] || return ;;
	esac
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -F _relgraph relgraph
