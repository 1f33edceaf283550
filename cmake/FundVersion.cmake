# The version string: git describe when the source is a checkout, the project version otherwise.
# The generated header lives in the build tree (KeePassXC git-info.h.cmake).
set(FUND_VERSION_STRING ${PROJECT_VERSION})
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS ${CMAKE_SOURCE_DIR}/.git)
    execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty --tags
        WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
        OUTPUT_VARIABLE FUND_GIT_DESCRIBE OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(FUND_GIT_DESCRIBE)
        set(FUND_VERSION_STRING "${PROJECT_VERSION}+${FUND_GIT_DESCRIBE}")
    endif()
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/version.h.in ${CMAKE_BINARY_DIR}/generated/version.h @ONLY)
