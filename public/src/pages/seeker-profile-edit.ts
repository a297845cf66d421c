/**
 * Change my profile: contact details, skills (a list I can add to and remove from), the
 * accessibility needs with "must" / "prefer" / "not needed", and work preferences. One form, one
 * PATCH; every problem the API finds is summarised and linked to its field.
 */
import { get, patch } from '../api.js';
import { focusElement, h, fill } from '../dom.js';
import { button, checkedValues, choices, fieldId, onSubmit, select, textarea, textInput, value } from '../forms.js';
import { t } from '../i18n.js';
import * as L from '../labels.js';
import { setFlash, type PageContext } from '../layout.js';
import type { Seeker } from '../types.js';

const LEVELS = ['basic', 'intermediate', 'advanced'] as const;

export async function renderSeekerProfileEdit(ctx: PageContext): Promise<void> {
  const seekerId = ctx.user!.seekerId!;
  const seeker = await get<Seeker>(`/seekers/${seekerId}`);
  const title = t('profileEdit.title');
  ctx.setTitle(title);

  // Skills: rows keyed by a stable number, so the API's `skills.<i>` can be traced back to a row
  // even when blank rows are left out of what is sent.
  let nextRow = 0;
  const skillList = h('ol', { class: 'skill-rows', id: 'skill-rows' });
  const skillRow = (skill = '', level: string = 'basic') => {
    const n = nextRow++;
    const rowNumber = () => [...skillList.children].indexOf(li) + 1;
    const remove = h('button', { type: 'button', class: 'button button--secondary button--small', 'data-remove': String(n) });
    const li = h(
      'li',
      { class: 'skill-row', 'data-row': String(n) },
      h(
        'div',
        { class: 'form-group', 'data-field': `skills.${n}.skill` },
        h('label', { class: 'label', for: fieldId(`skills.${n}.skill`) }),
        h('input', { class: 'input input--medium', id: fieldId(`skills.${n}.skill`), name: `skills.${n}.skill`, type: 'text', value: skill }),
      ),
      h(
        'div',
        { class: 'form-group', 'data-field': `skills.${n}.level` },
        h('label', { class: 'label', for: fieldId(`skills.${n}.level`) }),
        h('select', { class: 'select', id: fieldId(`skills.${n}.level`), name: `skills.${n}.level` }, LEVELS.map((l) => h('option', { value: l, selected: l === level }, t(`skillLevel.${l}`)))),
      ),
      remove,
    );
    remove.addEventListener('click', () => {
      const next = li.nextElementSibling ?? li.previousElementSibling;
      li.remove();
      relabel();
      // Focus stays in the list: the next row's skill, else the "add" button.
      (next?.querySelector('input') ?? addButton).focus();
    });
    skillList.append(li);
    relabel();
    return { li, rowNumber };
  };
  /** Labels say which row they are: "技能 2" / "Skill 2", so each control is named on its own. */
  function relabel() {
    [...skillList.children].forEach((li, i) => {
      const n = li.getAttribute('data-row');
      const [skillLabel, levelLabel] = li.querySelectorAll('label');
      if (skillLabel) skillLabel.textContent = t('profileEdit.skillN', i + 1);
      if (levelLabel) levelLabel.textContent = t('profileEdit.levelN', i + 1);
      const remove = li.querySelector(`button[data-remove="${n}"]`);
      if (remove) remove.textContent = t('profileEdit.removeSkill', i + 1);
    });
  }
  const addButton = h('button', { type: 'button', class: 'button button--secondary', id: 'add-skill' }, t('profileEdit.addSkill'));
  addButton.addEventListener('click', () => {
    const { li } = skillRow();
    li.querySelector('input')?.focus();
  });
  for (const s of seeker.skills) skillRow(s.skill, s.level);
  if (!seeker.skills.length) skillRow();

  const needOf = new Map(seeker.needs.map((n) => [n.code, n.strength]));
  const needsFieldsets = L.ACCOMMODATION_LIST.map((code) =>
    choices({
      path: `needs.${code}`,
      legend: L.accommodation(code),
      legendClass: 'fieldset__legend--s',
      type: 'radio',
      inline: true,
      small: true,
      options: [
        { value: 'none', label: t('needs.none'), checked: !needOf.has(code) },
        { value: 'prefer', label: t('needs.prefer'), checked: needOf.get(code) === 'prefer' },
        { value: 'must', label: t('needs.must'), checked: needOf.get(code) === 'must' },
      ],
    }),
  );

  const form = h(
    'form',
    { method: 'post', action: `/api/v1/seekers/${seekerId}`, class: 'form', id: 'profile-form' },
    h('h2', { class: 'heading-m' }, t('profile.about')),
    textInput({ path: 'name', label: t('field.name'), value: seeker.name, autocomplete: 'name', width: 'medium' }),
    textInput({ path: 'phone', label: t('field.phone'), hint: t('profileEdit.phoneHint'), value: seeker.phone, type: 'tel', autocomplete: 'tel', width: 'medium' }),
    textInput({ path: 'email', label: t('field.email'), hint: t('common.optional'), value: seeker.email, type: 'email', autocomplete: 'email', width: 'medium', spellcheck: false }),
    select({ path: 'street', label: t('field.street'), value: seeker.street, options: L.STREET_LIST.map((c) => ({ value: c, label: L.street(c) })) }),
    textInput({ path: 'community', label: t('field.community'), hint: t('common.optional'), value: seeker.community, width: 'medium' }),
    select({ path: 'education', label: t('field.education'), value: seeker.education, options: L.EDUCATION_LIST.map((c) => ({ value: c, label: L.education(c) })) }),
    textarea({ path: 'about', label: t('field.about'), hint: t('profileEdit.aboutHint'), value: seeker.about, rows: 4 }),

    h(
      'fieldset',
      { class: 'fieldset', id: 'skills', 'aria-describedby': 'skills-hint' },
      h('legend', { class: 'fieldset__legend fieldset__legend--m' }, h('h2', { class: 'heading-m fieldset__heading' }, t('profile.skills'))),
      h('div', { class: 'hint', id: 'skills-hint' }, t('profileEdit.skillsHint')),
      h('div', { 'data-field': 'skills' }, skillList),
      addButton,
    ),

    h(
      'section',
      { class: 'section', id: 'needs', 'aria-labelledby': 'needs-title' },
      h('h2', { class: 'heading-m', id: 'needs-title' }, t('profile.needs')),
      h('div', { class: 'inset' }, h('p', null, h('strong', null, t('needs.must')), t('common.colon'), t('needs.mustExplain')), h('p', null, h('strong', null, t('needs.prefer')), t('common.colon'), t('needs.preferExplain'))),
      h('div', { 'data-field': 'needs' }, needsFieldsets),
    ),

    h('h2', { class: 'heading-m' }, t('profile.preferences')),
    choices({
      path: 'workModes',
      legend: t('field.workModes'),
      hint: t('profileEdit.workModesHint'),
      type: 'checkbox',
      options: L.WORK_MODE_LIST.map((c) => ({ value: c, label: L.workMode(c), checked: seeker.workModes.includes(c) })),
    }),
    choices({
      path: 'preferredHours',
      legend: t('field.preferredHours'),
      hint: t('profileEdit.hoursHint'),
      type: 'checkbox',
      options: L.HOURS_LIST.map((c) => ({ value: c, label: L.hours(c), checked: seeker.preferredHours.includes(c) })),
    }),
    textInput({
      path: 'salaryExpectation',
      label: t('field.salaryExpectation'),
      hint: t('profileEdit.salaryHint'),
      value: seeker.salaryExpectation,
      inputmode: 'numeric',
      width: 'short',
    }),
    h('div', { class: 'button-group' }, button(t('profileEdit.save'), { id: 'save-profile' }), h('a', { href: '/seeker/profile.html', class: 'action-link' }, t('common.cancel'))),
  );

  // What was sent, to trace the API's indexed paths back to rows and needs.
  let sentSkillRows: string[] = [];
  let sentNeedCodes: string[] = [];

  onSubmit(
    ctx,
    form,
    title,
    async () => {
      const rows = [...skillList.children].map((li) => li.getAttribute('data-row') ?? '');
      const skills = rows
        .map((n) => ({ n, skill: value(form, `skills.${n}.skill`).trim(), level: value(form, `skills.${n}.level`) }))
        .filter((s) => s.skill !== '');
      sentSkillRows = skills.map((s) => s.n);
      const needs = L.ACCOMMODATION_LIST.map((code) => ({ code, strength: value(form, `needs.${code}`) })).filter((n) => n.strength === 'must' || n.strength === 'prefer');
      sentNeedCodes = needs.map((n) => n.code);
      const salary = value(form, 'salaryExpectation').trim();
      const body = {
        name: value(form, 'name'),
        phone: value(form, 'phone').trim() || null,
        email: value(form, 'email').trim() || null,
        street: value(form, 'street'),
        community: value(form, 'community').trim() || null,
        education: value(form, 'education'),
        about: value(form, 'about'),
        skills: skills.map((s) => ({ skill: s.skill, level: s.level })),
        needs,
        workModes: checkedValues(form, 'workModes'),
        preferredHours: checkedValues(form, 'preferredHours'),
        // A number goes as a number; anything else goes as typed, and the API says what is wrong with it.
        salaryExpectation: salary === '' ? null : /^\d+$/.test(salary) ? Number(salary) : salary,
      };
      await patch(`/seekers/${seekerId}`, body);
      setFlash('profileEdit.saved');
      location.assign('/seeker/profile.html');
    },
    {
      mapPath: () => (path) => {
        const skill = /^skills\.(\d+)(\..*)?$/.exec(path);
        if (skill) return `skills.${sentSkillRows[Number(skill[1])] ?? 0}${skill[2] ?? '.skill'}`;
        const need = /^needs\.(\d+)/.exec(path);
        if (need) return `needs.${sentNeedCodes[Number(need[1])] ?? ''}`;
        return path;
      },
    },
  );

  fill(ctx.page, 
    h('p', { class: 'back' }, h('a', { href: '/seeker/profile.html', class: 'back-link' }, t('profileEdit.back'))),
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('profileEdit.lead')),
    form,
  );
  if (location.hash === '#needs') {
    const target = document.getElementById('needs-title');
    if (target) {
      target.scrollIntoView();
      focusElement(target);
    }
  }
}
