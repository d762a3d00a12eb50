export { memoryOf, KIND_OF_FOCUS, type MemoryDraft, type MemoryMeta } from './memory';
