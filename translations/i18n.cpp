// fund_i18n holds only the embedded translation resources (:/i18n/fund-counter_<lang>.qm).
namespace fund::i18n {
int resourcesLinked()
{
    return 1;
}
} // namespace fund::i18n
