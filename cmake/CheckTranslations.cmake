# cmake -DLUPDATE=… -DSOURCE_LIST=… -DTS_FILES=a|b -DWORK_DIR=… -DSTAMP=… -P CheckTranslations.cmake
#
# Runs lupdate over the sources into a copy of each catalogue (the committed file is not
# touched) and fails, naming the strings, when one has no finished translation: a new string,
# a changed one, or one still marked unfinished.
file(MAKE_DIRECTORY "${WORK_DIR}")
string(REPLACE "|" ";" TS_FILES "${TS_FILES}")
set(problems "")
foreach(ts IN LISTS TS_FILES)
    get_filename_component(name "${ts}" NAME)
    set(copy "${WORK_DIR}/${name}")
    file(COPY_FILE "${ts}" "${copy}")
    # The English catalogue holds only the plural forms of the source strings.
    set(plural_only "")
    if(name MATCHES "_en\\.ts$")
        set(plural_only -pluralonly)
    endif()
    execute_process(COMMAND "${LUPDATE}" -silent -no-obsolete -locations none ${plural_only}
                            "@${SOURCE_LIST}"
                            -ts "${copy}"
                    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}:\n${output}")
    endif()
    # lupdate writes <source> and <translation> each on a line of their own.
    file(STRINGS "${copy}" lines ENCODING UTF-8)
    set(context "")
    set(source "")
    set(count 0)
    foreach(line IN LISTS lines)
        if(line MATCHES "<name>(.*)</name>")
            set(context "${CMAKE_MATCH_1}")
        elseif(line MATCHES "<source>(.*)")
            set(source "${CMAKE_MATCH_1}")
        elseif(line MATCHES "type=\"unfinished\"" OR line MATCHES "<translation></translation>"
               OR line MATCHES "<numerusform></numerusform>")
            math(EXPR count "${count} + 1")
            string(REPLACE "</source>" "" source "${source}")
            string(APPEND problems "  ${name} ${context}: \"${source}\"\n")
        endif()
    endforeach()
endforeach()
if(NOT problems STREQUAL "")
    message(FATAL_ERROR "These source strings have no translation (German; English plural forms) (add it to the "
        "catalogue, e.g. after `cmake --build <dir> --target update_translations`, with Qt "
        "Linguist or by hand):\n${problems}")
endif()
file(TOUCH "${STAMP}")
