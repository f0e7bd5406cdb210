// Plausible, made-up Chinese personal names for the demo's people: a common surname (Shanghai's frequent ones
// first) and a one- or two-character given name. Unique within one generator.
import type { Rng } from '../../common/prng.ts';

const SURNAMES = [
  '张', '王', '陈', '徐', '朱', '沈', '陆', '顾', '周', '金', '钱', '吴', '李', '刘', '杨', '黄', '赵', '孙', '胡', '郭',
  '何', '高', '林', '邱', '姚', '蒋', '蔡', '唐', '许', '曹', '范', '倪', '汤', '薛', '俞', '孔', '严', '方', '施', '卫',
];
const GIVEN = [
  '伟', '芳', '敏', '静', '丽', '强', '磊', '军', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '华', '雪',
  '婷', '晨', '浩', '宇', '欣', '佳', '俊', '颖', '斌', '鹏', '琳', '辉', '健', '洁', '萍', '燕', '峰', '蕾', '骏', '炜',
  '建华', '建国', '志强', '海燕', '晓东', '秀英', '桂英', '立新', '国平', '卫东', '美华', '文杰', '佳怡', '子涵', '雨轩',
  '振宇', '思远', '梦琪', '晓燕', '红梅', '永明', '春花', '德明', '雅琴', '家豪', '一鸣', '嘉怡', '天佑', '慧敏', '荣华',
];

/** A source of names that never repeats one. */
export function nameSource(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = SURNAMES[rng.int(SURNAMES.length)]! + GIVEN[rng.int(GIVEN.length)]!;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}
