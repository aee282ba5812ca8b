# cmake -DTOOL=<migrate_embed_sql> -DCXX=<g++> -DINCLUDE=<dir> -DECHO=<echo_embedded.cpp> -DWORK=<dir> -P this
# What migrate_embed_sql must survive: a revision far past a literal's 64 KiB, holding every
# printable character, quotes, `)"`, backslashes, CR, tab, UTF-8 and an unpaired bidi control,
# compiled with -Wpedantic -Werror and read back byte for byte; and what it must refuse, as a
# run would: invalid UTF-8 and a NUL byte.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/root/versions)
string(ASCII 9 tab)
string(ASCII 13 cr)
set(line "SELECT '\" )\" \"( )migrate\" \\\\ ?? ??= ${tab} ${cr} Käufer – ✓ ‮ 漢字 #include <x>' -- !$%&*+,-./:;<=>@[]^_`{|}~\n")
string(REPEAT "${line}" 2000 body)
file(WRITE ${WORK}/root/versions/long.sql "-- revision: aaaa00000001\n-- down_revision:\n-- migrate:up\n${body}-- migrate:down\n")
file(SIZE ${WORK}/root/versions/long.sql size)
if(size LESS 150000)
  message(FATAL_ERROR "the long revision is only ${size} bytes")
endif()

execute_process(COMMAND ${TOOL} ${WORK}/long.cpp ${WORK}/root ${WORK}/root/versions/long.sql RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "migrate_embed_sql failed on the long revision: ${err}")
endif()
execute_process(COMMAND ${CXX} -std=c++20 -Wall -Wextra -Wpedantic -Werror -I${INCLUDE} ${WORK}/long.cpp ${ECHO}
                        -o ${WORK}/echo RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the generated file does not compile cleanly:\n${out}")
endif()
execute_process(COMMAND ${WORK}/echo ${WORK}/back.sql RESULT_VARIABLE rc)
file(SHA256 ${WORK}/root/versions/long.sql want)
file(SHA256 ${WORK}/back.sql got)
if(NOT rc EQUAL 0 OR NOT want STREQUAL got)
  message(FATAL_ERROR "the embedded text differs from the file (rc ${rc})")
endif()
file(READ ${WORK}/long.cpp generated)
if(NOT generated MATCHES "\\{\"versions/long.sql\", migrate_sql_0\\}")
  message(FATAL_ERROR "the key is not the path below the root")
endif()

# Refused at build time by the rule a run applies (script/text_file.*), naming file and byte.
function(refused printf_bytes expected)
  execute_process(COMMAND printf "${printf_bytes}" OUTPUT_FILE ${WORK}/root/versions/bad.sql)
  execute_process(COMMAND ${TOOL} ${WORK}/bad.cpp ${WORK}/root ${WORK}/root/versions/bad.sql
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(rc EQUAL 0 OR NOT err MATCHES "bad.sql: ${expected}")
    message(FATAL_ERROR "not refused as '${expected}' (rc ${rc}): ${err}")
  endif()
endfunction()
refused("SELECT \\377\n" "byte 7: invalid UTF-8: not a text file")
refused("SELECT 1\\000\n" "byte 8: a NUL byte: not a text file")
