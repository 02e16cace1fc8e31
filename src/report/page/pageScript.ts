// The report page's whole script: its parts in one function scope (strict mode, nothing global), in the
// order they depend on each other. Plain JavaScript kept as text, since it runs in the report's page and
// not in the studio; reportHtml.ts inlines it.
import { DOM_SCRIPT } from './domScript.ts';
import { TREE_SCRIPT } from './treeScript.ts';
import { CHART_SCRIPT } from './chartScript.ts';
import { PROPOSALS_SCRIPT } from './proposalsScript.ts';
import { MATRIX_SCRIPT } from './matrixScript.ts';
import { INFO_SCRIPT } from './infoScript.ts';
import { MAIN_SCRIPT } from './mainScript.ts';

export const PAGE_SCRIPT = [
  '(function () {',
  "'use strict';",
  DOM_SCRIPT,
  TREE_SCRIPT,
  CHART_SCRIPT,
  PROPOSALS_SCRIPT,
  MATRIX_SCRIPT,
  INFO_SCRIPT,
  MAIN_SCRIPT,
  '})();',
].join('\n');
