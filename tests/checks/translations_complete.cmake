# Fails when a shipped .ts file has unfinished or empty translations, or when
# the code holds strings it lacks (lupdate is run over a copy of it first).
# Usage: cmake -DLUPDATE=<lupdate> -DLRELEASE=<lrelease> -DTS_DIR=<dir>
#              -DSOURCE_DIR=<project> -DOUT_DIR=<scratch dir> -P translations_complete.cmake
if(NOT OUT_DIR)
    message(FATAL_ERROR "OUT_DIR not set")
endif()
file(GLOB catalogues "${TS_DIR}/*.ts")
if(NOT catalogues)
    message(FATAL_ERROR "No .ts files in ${TS_DIR}")
endif()
foreach(shipped IN LISTS catalogues)
    get_filename_component(name "${shipped}" NAME_WE)
    set(ts "${OUT_DIR}/${name}.check.ts")
    configure_file("${shipped}" "${ts}" COPYONLY)
    execute_process(COMMAND "${LUPDATE}" "${SOURCE_DIR}/core" "${SOURCE_DIR}/ui" "${SOURCE_DIR}/app"
                            -extensions cpp,h -no-obsolete -locations none -silent -ts "${ts}"
                    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${shipped}: ${err}")
    endif()
    execute_process(COMMAND "${LRELEASE}" "${ts}" -qm "${OUT_DIR}/${name}.check.qm"
                    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lrelease failed on ${ts}: ${err}")
    endif()
    if(NOT out MATCHES "\\(([0-9]+) finished and 0 unfinished\\)")
        message(FATAL_ERROR "${name}: unfinished translations (the code has strings the "
                            "catalogue lacks: build the update_translations target and "
                            "translate them)\n${out}")
    endif()
    file(READ "${ts}" text)
    string(REGEX MATCHALL "<translation( type=\"[a-z]+\")?></translation>" empty "${text}")
    list(LENGTH empty emptyCount)
    if(emptyCount GREATER 0)
        message(FATAL_ERROR "${name}: ${emptyCount} empty translations")
    endif()
    file(REMOVE "${OUT_DIR}/${name}.check.qm" "${ts}")
    message(STATUS "${name}: ${CMAKE_MATCH_1} finished, none unfinished")
endforeach()
