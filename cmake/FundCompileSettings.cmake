# One INTERFACE target carries every compile setting (after qBittorrent's CommonConfig.cmake).
# Every target links it PRIVATE.
add_library(fund_compile_settings INTERFACE)
target_compile_features(fund_compile_settings INTERFACE cxx_std_20)
target_compile_definitions(fund_compile_settings INTERFACE
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(fund_compile_settings INTERFACE
        -Wall -Wextra -pedantic -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor)
    if(FUND_WERROR)
        target_compile_options(fund_compile_settings INTERFACE -Werror)
        target_compile_definitions(fund_compile_settings INTERFACE QT_FORCE_ASSERTS)
    endif()
endif()
