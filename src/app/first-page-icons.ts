/**
 * The few MDL2 icons the sign-in page can show (its fields, check box and message bars), so that
 * page does not carry all 19 icon tables. Signed-in pages register the full set (layout/all-icons.ts).
 * Code points and font files are checked against @fluentui/font-icons-mdl2 by icons.test.ts.
 */
export const FIRST_PAGE_ICONS: { font: string; file: string; icons: Record<string, string> }[] = [
  {
    font: 'FabricMDL2Icons',
    file: 'fabric-icons-a13498cf.woff',
    icons: { CheckMark: '\uE73E', Clear: '\uE894', Info: '\uE946', Cancel: '\uE711' },
  },
  {
    font: 'FabricMDL2Icons-1',
    file: 'fabric-icons-1-4d521695.woff',
    icons: { RedEye: '\uE7B3', Warning: '\uE7BA' },
  },
  {
    font: 'FabricMDL2Icons-2',
    file: 'fabric-icons-2-63c99abf.woff',
    icons: { Completed: '\uE930' },
  },
  {
    font: 'FabricMDL2Icons-3',
    file: 'fabric-icons-3-089e217a.woff',
    icons: { ErrorBadge: '\uEA39' },
  },
  {
    font: 'FabricMDL2Icons-4',
    file: 'fabric-icons-4-a656cc0a.woff',
    icons: { AzureLogo: '\uEB6A' },
  },
  {
    font: 'FabricMDL2Icons-5',
    file: 'fabric-icons-5-f95ba260.woff',
    icons: { Hide: '\uED1A', Blocked2: '\uECE4' },
  },
  {
    font: 'FabricMDL2Icons-6',
    file: 'fabric-icons-6-ef6fd590.woff',
    icons: { DoubleChevronUp: '\uEDBD' },
  },
  {
    font: 'FabricMDL2Icons-7',
    file: 'fabric-icons-7-2b97bb99.woff',
    icons: { DoubleChevronDown: '\uEE04' },
  },
];
