/** The staff library pages: the three libraries (三库), the alliance and the courses, each list / record / form. */
import type { PageDef } from '../../../layout.js';
import { COURSES } from './courses.js';
import { JOBS } from './jobs.js';
import { libraryPages } from './kit.js';
import { MEMBERS } from './members.js';
import { PROJECTS } from './projects.js';
import { SEEKERS } from './seekers.js';

export const LIBRARY_PAGES: Record<string, PageDef> = {
  ...libraryPages(SEEKERS),
  ...libraryPages(JOBS),
  ...libraryPages(PROJECTS),
  ...libraryPages(MEMBERS),
  ...libraryPages(COURSES),
};
