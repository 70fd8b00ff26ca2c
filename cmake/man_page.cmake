# Writes the man page redline(1) from the CLI's own help with help2man, so that it can never
# drift from --help: the page is `redline --help` and `redline --version` (help2man's reading),
# plus a SUBCOMMANDS section holding `redline SUB --help` of every subcommand that
# `redline --help` lists, each read by help2man the same way. Run at build time (CMakeLists.txt,
# target redline_man) after the CLI is linked:
#
#   cmake -DHELP2MAN=<help2man> -DGZIP=<gzip> -DCLI=<built redline> -DOUTPUT=<redline.1.gz>
#         -DNAME_LINE=<one line for NAME> -P man_page.cmake
cmake_minimum_required(VERSION 3.22)   # script mode: the policies of the project
foreach(var HELP2MAN GZIP CLI OUTPUT NAME_LINE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "man_page.cmake: ${var} is not set")
  endif()
endforeach()

include(${CMAKE_CURRENT_LIST_DIR}/run_checked.cmake)

# after(<out var> <text> <marker> <what is missing>): the text after the first marker, which
# must be there.
function(after out_var text marker missing)
  string(FIND "${text}" "${marker}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${missing}:\n${text}")
  endif()
  string(LENGTH "${marker}" length)
  math(EXPR at "${at} + ${length}")
  string(SUBSTRING "${text}" ${at} -1 rest)
  set(${out_var} "${rest}" PARENT_SCOPE)
endfunction()

string(REGEX REPLACE "\\.gz$" "" page "${OUTPUT}")
set(include_file "${page}.subcommands")

# The subcommands are those `redline --help` lists (CLI11: "Subcommands:", then one
# "  name   description" line each), so a new subcommand is in the page without an edit here.
run_checked(help "${CLI} --help" "${CLI}" --help)
after(listing "${help}" "\nSubcommands:" "${CLI} --help has no 'Subcommands:' list")
string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*  " entries "${listing}")
set(subcommands)
foreach(entry ${entries})
  string(STRIP "${entry}" name)
  list(APPEND subcommands "${name}")
endforeach()
list(LENGTH subcommands n)
if(n LESS 2)
  message(FATAL_ERROR "found only '${subcommands}' in the subcommand list of ${CLI} --help")
endif()

# help2man's defaults that matter: --locale C would print the Chinese terms of the help
# (生态保护红线, 亩, 达标 ...) as question marks; --no-info drops the Texinfo pointer, which
# redline does not have.
set(common --no-info --locale=C.UTF-8 --section=1)

# help2man fills an "Examples:" block into one paragraph (indented lines are, to it, a paragraph
# of their own); a command line per line is what a reader copies, so the block is set no-fill,
# continuation lines indented as --help indents them. The block runs to the next heading.
function(preformat_examples var)
  set(text "${${var}}")
  set(done "")
  while(TRUE)
    string(FIND "${text}" "\nExamples:\n.IP\n" at)
    if(at EQUAL -1)
      break()
    endif()
    string(SUBSTRING "${text}" 0 ${at} before)
    math(EXPR start "${at} + 10")   # from the newline before .IP
    string(SUBSTRING "${text}" ${start} -1 rest)
    string(REGEX MATCH "\n\\.(SH|SS|PP|TP)[ \n]" next "${rest}")
    if(next)
      string(FIND "${rest}" "${next}" stop)
    else()
      string(LENGTH "${rest}" stop)
    endif()
    string(SUBSTRING "${rest}" 0 ${stop} block)
    string(SUBSTRING "${rest}" ${stop} -1 text)
    string(REPLACE "\n.IP\n" "\n" block "${block}")
    string(REPLACE "\n.HP\n" "\n    " block "${block}")
    string(APPEND done "${before}\n.PP\nExamples:\n.RS\n.nf${block}\n.fi\n.RE")
  endwhile()
  set(${var} "${done}${text}" PARENT_SCOPE)
endfunction()

# Each subcommand as help2man reads `redline SUB --help`, its sections turned into paragraphs
# under one subsection "redline SUB" (a man page has only two heading levels).
string(CONCAT text "[SUBCOMMANDS]\nEach subcommand's own help "
       "(\\fBredline\\fR \\fISUBCOMMAND\\fR \\fB\\-\\-help\\fR).\n")
foreach(sub ${subcommands})
  run_checked(roff "help2man on '${CLI} ${sub} --help'" "${HELP2MAN}" ${common}
      "--help-option=${sub} --help" --version-string=unused "--name=${sub}" "${CLI}")
  after(body "${roff}" "\n.SH SYNOPSIS\n"
        "help2man found no 'Usage:' line in '${CLI} ${sub} --help'")
  # Headings of the subcommand's page become bold paragraph titles; DESCRIPTION, a word the
  # subsection title already says, becomes a plain paragraph break.
  string(REPLACE "\n.SH DESCRIPTION\n" "\n.PP\n" body "${body}")
  string(REGEX REPLACE "\n\\.S[HS] \"?([^\"\n]*)\"?\n" "\n.PP\n.B \"\\1\"\n" body "${body}")
  preformat_examples(body)
  # A line starting with "[" would open a section of the include file (CLI11 prints option
  # groups as "[Option Group: ...]").
  string(REPLACE "\n[" "\n\\&[" body "${body}")
  string(REGEX REPLACE "\n+$" "" body "${body}")
  string(APPEND text ".SS \"redline ${sub}\"\n${body}\n")
endforeach()
file(WRITE "${include_file}" "${text}")

run_checked(roff "help2man on ${CLI}" "${HELP2MAN}" ${common} "--name=${NAME_LINE}"
    "--include=${include_file}" "${CLI}")
preformat_examples(roff)
file(WRITE "${page}" "${roff}")
# -n: no name or time stamp in the gzip header, so the same page compresses to the same bytes.
run_checked(ignored "${GZIP} ${page}" "${GZIP}" -9nf "${page}")
