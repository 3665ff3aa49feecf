# Translations: one Qt Linguist catalogue per layer (core, ui, app), German shipped complete.
#
#   smtpd_add_translations(<target> <catalogue> <source globs...>)
#
# compiles resources/translations/<catalogue>_de.ts to <build>/translations/<catalogue>_de.qm
# (lrelease, a dependency of <target>), installs it to share/smtpd-accounts/translations, and
# adds `check_translations_<catalogue>`: lupdate run over the sources into a copy of the
# catalogue; the build fails when a source string has no finished German translation.
# `cmake --build --preset ci --target update_translations` refreshes the committed catalogues.
include(GNUInstallDirs)
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

option(SMTPD_CHECK_TRANSLATIONS "Fail the build when a source string has no German translation" ON)
set(SMTPD_TRANSLATIONS_BUILD_DIR "${PROJECT_BINARY_DIR}/translations")
set(SMTPD_LANGUAGES de)

function(smtpd_add_translations target catalogue)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${ARGN})
    list(SORT sources)
    set(directory "${PROJECT_SOURCE_DIR}/resources/translations")
    set(ts_files "")
    foreach(language IN LISTS SMTPD_LANGUAGES)
        list(APPEND ts_files "${directory}/${catalogue}_${language}.ts")
    endforeach()
    # English is the source language and needs only the plural forms ("%n accounts" reads
    # "1 account", "2 accounts"): a catalogue of the strings with a number, lupdate -pluralonly.
    set(plural_ts "${directory}/${catalogue}_en.ts")
    set_source_files_properties(${ts_files} ${plural_ts}
        PROPERTIES OUTPUT_LOCATION "${SMTPD_TRANSLATIONS_BUILD_DIR}")
    # -locations none: line numbers in the catalogues would change with every edit.
    qt_add_translations(${target} TS_FILES ${ts_files} SOURCES ${sources}
        LUPDATE_OPTIONS -no-obsolete -locations none
        QM_FILES_OUTPUT_VARIABLE qm_files)
    add_custom_target(${target}_plurals)
    qt_add_lupdate(${target}_plurals TS_FILES ${plural_ts} SOURCES ${sources}
        INCLUDE_DIRECTORIES "${CMAKE_CURRENT_SOURCE_DIR}"
        OPTIONS -no-obsolete -locations none -pluralonly)
    qt_add_lrelease(${target}_plurals TS_FILES ${plural_ts} NO_TARGET_DEPENDENCY
        QM_FILES_OUTPUT_VARIABLE plural_qm_files)
    add_dependencies(${target} ${target}_plurals_lrelease)
    install(FILES ${plural_qm_files} ${qm_files}
            DESTINATION "${CMAKE_INSTALL_DATADIR}/smtpd-accounts/translations")

    # lupdate reads the file list from a file (the command line would be long).
    set(list_file "${CMAKE_CURRENT_BINARY_DIR}/${catalogue}.lupdate-sources")
    list(JOIN sources "\n" source_lines)
    file(CONFIGURE OUTPUT "${list_file}" CONTENT "${source_lines}\n")
    set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${catalogue}.translations-checked")
    # A list would become several arguments of the command: pass it joined with '|'.
    string(REPLACE ";" "|" ts_argument "${ts_files};${plural_ts}")
    add_custom_command(OUTPUT "${stamp}"
        COMMAND "${CMAKE_COMMAND}" "-DLUPDATE=$<TARGET_FILE:Qt6::lupdate>"
                "-DSOURCE_LIST=${list_file}" "-DTS_FILES=${ts_argument}"
                "-DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/.translation-check" "-DSTAMP=${stamp}"
                -P "${PROJECT_SOURCE_DIR}/cmake/CheckTranslations.cmake"
        DEPENDS ${sources} ${ts_files} ${plural_ts}
                "${PROJECT_SOURCE_DIR}/cmake/CheckTranslations.cmake" Qt6::lupdate
        COMMENT "Checking that every ${catalogue} string has a German translation"
        VERBATIM)
    if(SMTPD_CHECK_TRANSLATIONS)
        add_custom_target(check_translations_${catalogue} ALL DEPENDS "${stamp}")
    else()
        add_custom_target(check_translations_${catalogue} DEPENDS "${stamp}")
    endif()
endfunction()
