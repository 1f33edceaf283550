#include "common/testsupport.h"
