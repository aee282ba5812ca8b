# cmake -DCXX=<g++> -DINCLUDE=<dir> -DSOURCE=<file.cpp> [-DMISTAKE=<n> -DEXPECTED=<regex>] -P this
# Compiles SOURCE (syntax only) with MISTAKE defined: it must fail with a message matching
# EXPECTED. Without MISTAKE it must compile.
set(ENV{LC_ALL} C)  # ASCII quotes in g++'s messages
set(flags -std=c++20 -fsyntax-only -I${INCLUDE})
if(DEFINED MISTAKE)
  list(APPEND flags -DMISTAKE=${MISTAKE})
endif()
execute_process(COMMAND ${CXX} ${flags} ${SOURCE} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT DEFINED MISTAKE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the corrected revision does not compile:\n${out}")
  endif()
  return()
endif()
if(rc EQUAL 0)
  message(FATAL_ERROR "mistake ${MISTAKE} compiled; expected an error matching: ${EXPECTED}")
endif()
if(NOT out MATCHES "${EXPECTED}")
  message(FATAL_ERROR "mistake ${MISTAKE}: no error matching '${EXPECTED}' in:\n${out}")
endif()
