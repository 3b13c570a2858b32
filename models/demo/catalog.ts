// Non-personnel budget items of the demo district: [description, object, function, program, typical dollars].
export type Item = readonly [description: string, object: string, fn: string, program: string, dollars: number];

export const SCHOOL_ITEMS: readonly Item[] = [
  ['Classroom supplies', 'supplies', '1000', 'regular', 9000],
  ['Instructional materials - Math', 'supplies', '1000', 'regular', 6000],
  ['Instructional materials - ELA', 'supplies', '1000', 'regular', 6000],
  ['Instructional materials - Science', 'supplies', '1000', 'regular', 5000],
  ['Instructional materials - Social Studies', 'supplies', '1000', 'regular', 3000],
  ['Library books', 'supplies', '2200', 'library', 3000],
  ['Art supplies', 'supplies', '1000', 'regular', 2000],
  ['Music supplies and instrument repair', 'supplies', '1000', 'regular', 1800],
  ['PE equipment', 'supplies', '1000', 'regular', 2000],
  ['Office supplies', 'supplies', '2400', 'admin', 4000],
  ['Custodial supplies', 'supplies', '2600', 'operations', 7000],
  ['Testing materials', 'supplies', '2200', 'assessment', 2500],
  ['Nurse supplies', 'supplies', '2100', 'health', 1200],
  ['Special education materials', 'supplies', '1000', 'sped', 3000],
  ['Postage', 'supplies', '2400', 'admin', 1200],
  ['Printing and copying', 'supplies', '2400', 'admin', 3000],
  ['Student software licenses', 'supplies', '1000', 'technology', 6000],
  ['Science lab consumables', 'supplies', '1000', 'regular', 2500],
  ['Student activity supplies', 'supplies', '1000', 'activities', 2000],
  ['Copier lease', 'purchased_services', '2400', 'admin', 9000],
  ['Field trips', 'purchased_services', '1000', 'regular', 5000],
  ['Assemblies and enrichment', 'purchased_services', '1000', 'regular', 3000],
  ['Substitute teacher services', 'purchased_services', '1000', 'regular', 35000],
  ['Professional development registration', 'purchased_services', '2200', 'pd', 4000],
  ['HVAC repairs', 'purchased_services', '2600', 'operations', 12000],
  ['Pest control', 'purchased_services', '2600', 'operations', 2400],
  ['Waste removal', 'purchased_services', '2600', 'operations', 8000],
  ['Grounds and snow removal', 'purchased_services', '2600', 'operations', 9000],
  ['Background checks', 'purchased_services', '2300', 'hr', 800],
  ['Translation services', 'purchased_services', '2100', 'el', 2500],
  ['Student devices', 'capital', '1000', 'technology', 25000],
  ['Classroom furniture', 'capital', '1000', 'regular', 8000],
  ['Playground and field equipment', 'capital', '2600', 'operations', 8000],
  ['Dues and memberships', 'other', '2400', 'admin', 1500],
  ['Student awards', 'other', '1000', 'activities', 1200],
];

/** Per-grade or per-department variants of classroom items. */
export const PER_UNIT_ITEMS: readonly Item[] = [
  ['Classroom supplies', 'supplies', '1000', 'regular', 2500],
  ['Instructional materials', 'supplies', '1000', 'regular', 2000],
  ['Field trips', 'purchased_services', '1000', 'regular', 1500],
];

export const SECONDARY_DEPARTMENTS = ['Math', 'English', 'Science', 'Social Studies', 'World Languages', 'Fine Arts', 'Physical Education', 'Special Education', 'CTE', 'Counseling'];

export const DISTRICT_ITEMS: readonly Item[] = [
  ['Electricity', 'purchased_services', '2600', 'utilities', 1_400_000],
  ['Natural gas', 'purchased_services', '2600', 'utilities', 420_000],
  ['Water and sewer', 'purchased_services', '2600', 'utilities', 260_000],
  ['Property and liability insurance', 'purchased_services', '2500', 'risk', 780_000],
  ["Workers' compensation premium", 'other', '2500', 'risk', 410_000],
  ['Legal services', 'purchased_services', '2300', 'admin', 240_000],
  ['Annual audit', 'purchased_services', '2500', 'business', 85_000],
  ['Bus fuel', 'supplies', '2700', 'transportation', 520_000],
  ['Bus parts and repairs', 'supplies', '2700', 'transportation', 280_000],
  ['Contracted transportation - special education', 'purchased_services', '2700', 'sped', 650_000],
  ['Student information system', 'purchased_services', '2800', 'technology', 190_000],
  ['Network and internet service', 'purchased_services', '2800', 'technology', 220_000],
  ['Software licenses - district', 'purchased_services', '2800', 'technology', 310_000],
  ['Curriculum adoption - Math', 'supplies', '2200', 'curriculum', 640_000],
  ['Curriculum adoption - ELA', 'supplies', '2200', 'curriculum', 580_000],
  ['Substitute teacher services - district pool', 'purchased_services', '1000', 'regular', 900_000],
  ['Out-of-district special education placements', 'purchased_services', '1000', 'sped', 1_600_000],
  ['Transfer to debt service', 'other', '5000', 'debt', 2_100_000],
  ['Board of education expenses', 'other', '2300', 'admin', 30_000],
  ['Election costs', 'purchased_services', '2300', 'admin', 45_000],
  ['Professional development - district', 'purchased_services', '2200', 'pd', 180_000],
  ['Summer school', 'purchased_services', '1000', 'summer', 350_000],
  ['Athletics transportation', 'purchased_services', '2700', 'athletics', 160_000],
  ['Building maintenance projects', 'capital', '2600', 'operations', 1_200_000],
  ['Roof replacement', 'capital', '2600', 'operations', 900_000],
  ['Vehicle replacement', 'capital', '2700', 'transportation', 450_000],
  ['Retiree health insurance', 'other', '2500', 'business', 700_000],
  ['Unemployment insurance', 'other', '2500', 'business', 60_000],
  ['Contingency', 'other', '2300', 'admin', 400_000],
];

export const CENTRAL_DEPARTMENTS = ['Superintendent', 'Business Office', 'Human Resources', 'Technology', 'Curriculum', 'Special Education', 'Maintenance', 'Transportation', 'Communications', 'Assessment'];
export const CENTRAL_ITEMS: readonly Item[] = [
  ['Office supplies', 'supplies', '2300', 'admin', 6000],
  ['Travel and mileage', 'other', '2300', 'admin', 5000],
  ['Consultants', 'purchased_services', '2300', 'admin', 20000],
  ['Software subscriptions', 'purchased_services', '2800', 'technology', 9000],
  ['Equipment', 'capital', '2600', 'operations', 12000],
  ['Dues and memberships', 'other', '2300', 'admin', 2500],
];

/** Grant-funded items: [description, object, function, program, dollars, 'site' | 'district']. */
export const GRANT_ITEMS: Readonly<Record<string, readonly (readonly [...Item, 'site' | 'district'])[]>> = {
  T1A: [
    ['Title I instructional supplies', 'supplies', '1000', 'title1', 12000, 'site'],
    ['Title I family engagement', 'other', '2100', 'title1', 4000, 'site'],
    ['Title I tutoring services', 'purchased_services', '1000', 'title1', 30000, 'site'],
    ['Title I extended day program', 'purchased_services', '1000', 'title1', 25000, 'site'],
    ['Title I professional development', 'purchased_services', '2200', 'title1', 8000, 'site'],
    ['Title I administration', 'purchased_services', '2300', 'title1', 60000, 'district'],
    ['Title I equitable services - private schools', 'purchased_services', '1000', 'title1', 45000, 'district'],
    ['Title I homeless set-aside', 'other', '2100', 'title1', 20000, 'district'],
    ['Title I parent and family engagement set-aside', 'other', '2100', 'title1', 26000, 'district'],
  ],
  IDEAB: [
    ['IDEA instructional materials', 'supplies', '1000', 'sped', 6000, 'site'],
    ['IDEA contracted therapy services', 'purchased_services', '2100', 'sped', 250000, 'district'],
    ['IDEA assistive technology', 'capital', '1000', 'sped', 60000, 'district'],
    ['IDEA professional development', 'purchased_services', '2200', 'sped', 40000, 'district'],
    ['IDEA proportionate share - private schools', 'purchased_services', '1000', 'sped', 35000, 'district'],
  ],
  T2A: [
    ['Title II professional development stipends', 'other', '2200', 'pd', 8000, 'site'],
    ['Title II teacher induction', 'purchased_services', '2200', 'pd', 40000, 'district'],
    ['Title II leadership academy', 'purchased_services', '2200', 'pd', 30000, 'district'],
  ],
  T3A: [
    ['Title III supplemental materials', 'supplies', '1000', 'el', 25000, 'district'],
    ['Title III family literacy nights', 'other', '2100', 'el', 12000, 'district'],
    ['Title III professional development', 'purchased_services', '2200', 'el', 15000, 'district'],
  ],
  STEL: [
    ['EL supplemental materials', 'supplies', '1000', 'el', 9000, 'site'],
    ['EL tutoring', 'purchased_services', '1000', 'el', 15000, 'site'],
    ['EL language proficiency assessment', 'purchased_services', '2200', 'el', 40000, 'district'],
  ],
};
