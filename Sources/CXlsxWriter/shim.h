#ifndef NIANBAO_CXLSXWRITER_SHIM_H
#define NIANBAO_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
