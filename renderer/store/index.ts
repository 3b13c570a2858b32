import { useStore } from 'zustand';
import { chooseApi } from '../api';
import { createProjectStore, type ProjectState } from './project-store';

/** The API in use: Electron's window.steward, or the in-browser one. */
export const api = chooseApi();

export const projectStore = createProjectStore(api);

export function useProject<T>(select: (state: ProjectState) => T): T {
  return useStore(projectStore, select);
}
