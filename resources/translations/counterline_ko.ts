<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../ui/common/accessibility.py" line="+41" />
        <source>%1 (over maximum)</source>
        <translation>%1 (최대 초과)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 (over target)</source>
        <translation>%1 (목표 초과)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Keyboard shortcut: %1</source>
        <translation>단축키: %1</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../ui/supervisor/alerts.py" line="+40" />
        <source>%1: %2 waiting past the target; longest %3 for %4 min</source>
        <translation>%1: 목표 대기시간 초과 %2명, 최장 %3 %4분</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1: %2 waiting, %3 counter(s) open, %4 paused</source>
        <translation>%1: 대기 %2명, 창구 %3곳 운영, %4곳 일시중지</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Warning</source>
        <translation>주의</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No alerts: the queue is within its targets</source>
        <translation>경보 없음: 대기열이 목표 범위 안에 있습니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alerts</source>
        <translation>경보</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Alerts that hold now, critical first</source>
        <translation>현재 발생 중인 경보, 심각한 것부터</translation>
    </message>
<message>
        <source>unbounded (no counter left for it)</source>
        <translation>한없이 길어짐(해당 업무 창구 없음)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>Lunch cover, %1: %2 is on break until %4; the expected wait is %5</source>
        <translation>점심시간 창구 유지, %1: %2 님이 %4까지 휴게 중이며 예상 대기 시간은 %5입니다</translation>
    </message>
    <message>
        <source>Lunch cover, %1: %2 is on break until %4; too few counters are open for it</source>
        <translation>점심시간 창구 유지, %1: %2 님이 %4까지 휴게 중이며 열린 창구가 부족합니다</translation>
    </message>
    <message>
        <source>Lunch cover, %1: if %2 goes on break at %3, the expected wait rises to %5</source>
        <translation>점심시간 창구 유지, %1: %2 님이 %3에 휴게에 들어가면 예상 대기 시간이 %5(으)로 늘어납니다</translation>
    </message>
    <message>
        <source>Lunch cover, %1: if %2 goes on break at %3, too few counters stay open for it</source>
        <translation>점심시간 창구 유지, %1: %2 님이 %3에 휴게에 들어가면 열린 창구가 부족해집니다</translation>
    </message>
    <message numerus="yes">
        <source>(target %1 min; %n counter(s) open for it during the break, minimum %2).</source>
        <translation>
            <numerusform>(목표 %1분, 휴게 중 해당 업무 창구 %n개, 최소 %2개).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep %n counter(s) open for %1 until %2.</source>
        <translation>
            <numerusform>%2까지 %1 창구 %n개를 열어 두십시오.</numerusform>
        </translation>
    </message>
    <message>
        <source>Or move the break of %1 to %2.</source>
        <translation>또는 %1 님의 휴게를 %2(으)로 옮기십시오.</translation>
    </message>
    <message>
        <source>%1 idle for %2 min while %3 of its customers wait</source>
        <comment>a counter</comment>
        <translation>%1: %2분째 비어 있으나 해당 고객 %3명이 대기 중</translation>
    </message>
    <message>
        <source>%1 paused (%2) for %3 min, limit %4 min</source>
        <comment>a counter</comment>
        <translation>%1 일시중지(%2) %3분 경과, 한도 %4분</translation>
    </message>
    <message>
        <source>Open %1 for %2 %3–%4.</source>
        <comment>a counter</comment>
        <translation>%3–%4에는 %2 업무를 위해 %1 열기를 권장합니다.</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <location filename="../../ui/supervisor/appointments.py" line="+42" />
        <source>Booked</source>
        <comment>appointment status</comment>
        <translation>예약됨</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrived</source>
        <comment>appointment status</comment>
        <translation>도착함</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <comment>appointment status</comment>
        <translation>취소됨</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No-show</source>
        <comment>appointment status: the customer did not come</comment>
        <translation>미방문</translation>
    </message>
</context>
<context>
    <name>AppointmentsModel</name>
    <message>
        <location line="+15" />
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>고객 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service</source>
        <translation>업무</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>AppointmentsPanel</name>
    <message>
        <location line="+81" />
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Book…</source>
        <translation>예약…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+80" />
        <source>Cancel appointment</source>
        <translation>예약 취소</translation>
    </message>
    <message>
        <location line="-79" />
        <source>Mark no-shows</source>
        <translation>미방문 처리</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Not done: %1</source>
        <translation>처리되지 않음: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>처리되지 않음: 데이터베이스에 연결할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message numerus="yes">
        <location line="+23" />
        <source>%n appointment(s) still expected this day</source>
        <translation>
            <numerusform>이날 아직 %n건의 예약 방문이 남아 있습니다</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31" />
        <source>Booked %1 at %2.</source>
        <translation>%1 고객을 %2에 예약했습니다.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Cancel the appointment of %1 at %2?</source>
        <translation>%1 고객의 %2 예약을 취소하시겠습니까?</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Cancelled the appointment of %1 at %2.</source>
        <translation>%1 고객의 %2 예약을 취소했습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>%n appointment(s) marked as no-show</source>
        <translation>
            <numerusform>%n건의 예약을 미방문으로 처리했습니다</numerusform>
        </translation>
    </message>
<message>
        <source>No appointments on this day</source>
        <translation>이날 예약이 없습니다</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/supervisor/audit_panel.py" line="+34" />
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staff</source>
        <translation>직원</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Station</source>
        <translation>단말</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Detail</source>
        <translation>상세</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location line="+52" />
        <source>Staff id</source>
        <translation>직원 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>고객 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action, e.g. profile_view</source>
        <translation>작업 (예: profile_view)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Page %1 of %2, %3 entries</source>
        <translation>%1/%2쪽, 총 %3건</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export the audit log</source>
        <translation>감사 로그 내보내기</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 entries written to %2</source>
        <translation>%1건을 %2에 저장했습니다</translation>
    </message>
<message>
        <source>No audit entries match this search</source>
        <translation>이 검색에 맞는 감사 기록이 없습니다</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <location filename="../../ui/supervisor/appointment_dialog.py" line="+77" />
        <source>Book an appointment</source>
        <translation>방문 예약</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Bank card</source>
        <translation>은행 카드</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone number</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>고객 번호</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No customer chosen yet</source>
        <translation>아직 고객을 선택하지 않았습니다</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Service</source>
        <translation>업무</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Book</source>
        <translation>예약</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Looking up…</source>
        <translation>조회 중…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No customer has this number.</source>
        <translation>이 번호의 고객이 없습니다.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No customer found: %1</source>
        <translation>고객을 찾지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>CallChosenDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="+137" />
        <source>Call out of order</source>
        <translation>순서 외 호출</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Call</source>
        <translation>호출</translation>
    </message>
    <message>
        <location line="+10" />
        <source>e.g. appointment arrived, customer needs a ground-floor counter</source>
        <translation>예: 예약 고객 도착, 1층 창구가 필요한 고객</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reason (required)</source>
        <translation>사유(필수)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Nobody is waiting.</source>
        <translation>대기 중인 고객이 없습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Calling out of order needs a reason.</source>
        <translation>순서 외 호출에는 사유가 필요합니다.</translation>
    </message>
<message>
        <location line="+1" />
        <source>Ticket</source>
        <translation>번호</translation>
    </message>
    </context>
<context>
    <name>CategoryTable</name>
    <message>
        <location filename="../../ui/supervisor/queue.py" line="+62" />
        <source>Service</source>
        <translation>업무</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Longest wait</source>
        <translation>최장 대기</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Over target</source>
        <translation>목표 초과</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Waiting by service</source>
        <translation>업무별 대기</translation>
    </message>
    <message>
        <location line="+0" />
        <source>One row per service: waiting, longest wait, target</source>
        <translation>업무별 한 줄: 대기 인원, 최장 대기, 목표</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../ui/common/strings.py" line="+20" />
        <source>Regular</source>
        <comment>priority class</comment>
        <translation>일반</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VIP</source>
        <comment>priority class</comment>
        <translation>VIP 고객</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Elderly / disabled / pregnant</source>
        <comment>priority class</comment>
        <translation>노약자 / 장애인 / 임산부</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Appointment</source>
        <comment>priority class</comment>
        <translation>예약</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting</source>
        <comment>ticket status</comment>
        <translation>대기 중</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Called</source>
        <comment>ticket status</comment>
        <translation>호출됨</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Serving</source>
        <comment>ticket status</comment>
        <translation>업무 처리 중</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parked</source>
        <comment>ticket status: set aside, customer comes back later</comment>
        <translation>보류</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Done</source>
        <comment>ticket status</comment>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No-show</source>
        <comment>ticket status: customer did not come when called</comment>
        <translation>부재</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>ticket status: not served, its business day ended while it waited</comment>
        <translation>만료</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open</source>
        <comment>counter state</comment>
        <translation>운영 중</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paused</source>
        <comment>counter state</comment>
        <translation>일시 중지</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <comment>counter state</comment>
        <translation>마감</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lunch</source>
        <comment>pause reason</comment>
        <translation>점심시간</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Break</source>
        <comment>pause reason: a short rest</comment>
        <translation>휴식</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back office</source>
        <comment>pause reason: paperwork away from customers</comment>
        <translation>내부 업무</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Other</source>
        <comment>pause reason</comment>
        <translation>기타</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Online</source>
        <comment>connection to the branch server</comment>
        <translation>온라인</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offline</source>
        <comment>connection to the branch server</comment>
        <translation>오프라인</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This service category does not exist.</source>
        <comment>error</comment>
        <translation>존재하지 않는 업무 유형입니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This counter does not exist.</source>
        <comment>error</comment>
        <translation>존재하지 않는 창구입니다.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This ticket was not found.</source>
        <comment>error</comment>
        <translation>해당 번호표를 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No customer is waiting for this counter.</source>
        <comment>error</comment>
        <translation>이 창구에서 대기 중인 고객이 없습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The ticket or counter is not in a state that allows this action.</source>
        <comment>error</comment>
        <translation>번호표 또는 창구의 현재 상태에서는 이 작업을 할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The counter is closed, paused or still serving another customer.</source>
        <comment>error</comment>
        <translation>창구가 마감 또는 일시 중지 상태이거나 다른 고객을 응대 중입니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This action is not allowed.</source>
        <comment>error</comment>
        <translation>허용되지 않는 작업입니다.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Someone marked this resolved already; the list shows it at its next refresh.</source>
        <comment>error</comment>
        <translation>다른 사람이 이미 해결됨으로 표시했습니다. 목록은 다음 새로 고침 때 반영됩니다.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Someone else moved this ticket meanwhile: look where it is now before you move it.</source>
        <comment>error</comment>
        <translation>다른 사람이 방금 이 번호를 이동했습니다. 지금 어디에 있는지 확인한 뒤 이동하십시오.</translation>
    </message>
    <message numerus="yes">
        <location line="+50" />
        <source>%n event(s) waiting to sync</source>
        <comment>offline journal not yet sent upstream</comment>
        <translation>
            <numerusform>동기화 대기 중인 기록 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location line="-49" />
        <source>This text cannot be saved: it is empty, too long, or holds characters that are not allowed.</source>
        <comment>error</comment>
        <translation>이 내용은 저장할 수 없습니다. 비어 있거나 너무 길거나 허용되지 않는 문자가 들어 있습니다.</translation>
    </message>
<message>
        <source>This break cannot be set: choose an active teller, a day from today up to 60 days ahead, and a length of 5 to 180 minutes.</source>
        <comment>error</comment>
        <translation>이 휴게는 지정할 수 없습니다. 재직 중인 창구직원, 오늘부터 60일 이내의 날짜, 5분에서 180분 사이의 시간을 선택하십시오.</translation>
    </message>
    <message>
        <source>Someone else moved or cancelled this break meanwhile: look at the day's plan as it is now.</source>
        <comment>error</comment>
        <translation>다른 사람이 방금 이 휴게를 옮기거나 취소했습니다. 지금의 휴게 계획을 확인하십시오.</translation>
    </message>
    <message>
        <source>Nobody may approve or reject their own visits; another supervisor has to.</source>
        <comment>error</comment>
        <translation>본인이 처리한 업무는 본인이 승인하거나 반려할 수 없습니다. 다른 책임자가 처리해야 합니다.</translation>
    </message>
    <message>
        <source>This is not a phone number: type its digits, and + with the country code for a number from abroad.</source>
        <comment>error</comment>
        <translation>전화번호가 아닙니다. 숫자를 입력하고, 해외 번호는 + 와 국가 번호를 함께 입력하세요.</translation>
    </message>
    <message>
        <source>counter %1</source>
        <comment>a numbered counter in a sentence</comment>
        <translation>%1번 창구</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <comment>a numbered counter on its own</comment>
        <translation>%1번 창구</translation>
    </message>
    <message>
        <source>Counter set up</source>
        <comment>event type</comment>
        <translation>창구 설정</translation>
    </message>
    <message>
        <source>Counter opened</source>
        <comment>event type</comment>
        <translation>창구 열림</translation>
    </message>
    <message>
        <source>Counter closed</source>
        <comment>event type</comment>
        <translation>창구 닫힘</translation>
    </message>
    <message>
        <source>Counter paused</source>
        <comment>event type</comment>
        <translation>창구 일시 중지</translation>
    </message>
    <message>
        <source>Counter resumed</source>
        <comment>event type</comment>
        <translation>창구 재개</translation>
    </message>
    <message>
        <source>Signed in at the counter</source>
        <comment>event type</comment>
        <translation>창구 로그인</translation>
    </message>
    <message>
        <source>Signed out at the counter</source>
        <comment>event type</comment>
        <translation>창구 로그아웃</translation>
    </message>
    <message>
        <source>Counter released by a supervisor</source>
        <comment>event type</comment>
        <translation>책임자가 창구 해제</translation>
    </message>
    <message>
        <source>Ticket issued</source>
        <comment>event type</comment>
        <translation>번호 발급</translation>
    </message>
    <message>
        <source>Ticket called</source>
        <comment>event type</comment>
        <translation>번호 호출</translation>
    </message>
    <message>
        <source>Ticket recalled</source>
        <comment>event type</comment>
        <translation>번호 재호출</translation>
    </message>
    <message>
        <source>Marked no-show</source>
        <comment>event type</comment>
        <translation>부재 처리</translation>
    </message>
    <message>
        <source>Service started</source>
        <comment>event type</comment>
        <translation>처리 시작</translation>
    </message>
    <message>
        <source>Service finished</source>
        <comment>event type</comment>
        <translation>처리 완료</translation>
    </message>
    <message>
        <source>Ticket transferred</source>
        <comment>event type</comment>
        <translation>번호 이관</translation>
    </message>
    <message>
        <source>Ticket parked</source>
        <comment>event type</comment>
        <translation>번호 보류</translation>
    </message>
    <message>
        <source>Parked ticket returned</source>
        <comment>event type</comment>
        <translation>보류 번호 되돌리기</translation>
    </message>
    <message>
        <source>Customer identified</source>
        <comment>event type</comment>
        <translation>고객 확인</translation>
    </message>
    <message>
        <source>Ticket expired</source>
        <comment>event type</comment>
        <translation>번호 만료</translation>
    </message>
    <message>
        <source>Visit rated</source>
        <comment>event type</comment>
        <translation>응대 평가</translation>
    </message>
    <message>
        <source>Visit quality recorded</source>
        <comment>event type</comment>
        <translation>응대 품질 기록</translation>
    </message>
    <message>
        <source>Visit corrected</source>
        <comment>event type</comment>
        <translation>응대 기록 수정</translation>
    </message>
    <message>
        <source>Short visit reviewed</source>
        <comment>event type</comment>
        <translation>짧은 응대 검토</translation>
    </message>
    <message>
        <source>Break scheduled</source>
        <comment>event type</comment>
        <translation>휴식 예정</translation>
    </message>
    <message>
        <source>Break cancelled</source>
        <comment>event type</comment>
        <translation>휴식 취소</translation>
    </message>
    <message>
        <source>Voided: never saved on the branch server</source>
        <comment>event type</comment>
        <translation>무효 처리: 지점 서버에 저장되지 않음</translation>
    </message>
    <message>
        <source>Conflict marked resolved</source>
        <comment>event type</comment>
        <translation>충돌 해결됨으로 표시</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>visit outcome</comment>
        <translation>완료</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <comment>visit outcome</comment>
        <translation>미완료</translation>
    </message>
    <message>
        <source>Referred</source>
        <comment>visit outcome</comment>
        <translation>이관</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location line="+0" />
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Stations</source>
        <translation>단말기</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What clashed</source>
        <translation>충돌 내용</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Facts</source>
        <translation>기록</translation>
    </message>
<message>
        <location filename="../../ui/supervisor/sync.py" line="+23" />
        <source>Ticket, counter or break</source>
        <translation>번호, 창구 또는 휴식</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/sync.py" line="+23" />
        <source>Ticket</source>
        <translation>번호</translation>
    </message>
    </context>
<context>
    <name>CounterCard</name>
    <message>
        <location line="+6" />
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Profile…</source>
        <translation>업무 설정…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Opens or closes this counter</source>
        <translation>이 창구를 열거나 닫습니다</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Which services this counter takes, and in which order</source>
        <translation>이 창구가 처리하는 업무와 그 순서</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Free</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Called %1 ago</source>
        <translation>호출 후 %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Serving %1 of standard %2</source>
        <translation>처리 중 %1 / 표준 %2</translation>
    </message>
<message>
        <location line="+4" />
        <source>Teller: %1</source>
        <translation>창구직원: %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No teller signed in</source>
        <translation>로그인한 창구직원 없음</translation>
    </message>
    <message>
        <source>Serving %1</source>
        <translation>처리 중 %1</translation>
    </message>
    </context>
<context>
    <name>CounterPanel</name>
    <message>
        <location filename="../../ui/station/counter_panel.py" line="+113" />
        <source>Waited</source>
        <translation>대기 시간</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service time</source>
        <translation>업무 시간</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recalls</source>
        <translation>재호출</translation>
    </message>
    <message>
        <location line="+7" />
        <source>COUNTER %1</source>
        <translation>%1번 창구</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No customer at the counter</source>
        <translation>창구에 고객이 없습니다</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Resume with F8 to call customers.</source>
        <translation>F8을 눌러 업무를 재개하면 고객을 호출할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Press F1 to call.</source>
        <translation>F1을 눌러 호출하세요.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Serving since %1</source>
        <translation>%1부터 업무 처리 중</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Called at %1, waiting for the customer</source>
        <translation>%1에 호출함, 고객을 기다리는 중</translation>
    </message>
<message>
        <location line="+10" />
        <source>Service time (standard %1)</source>
        <translation>처리 시간 (표준 %1)</translation>
    </message>
</context>
<context>
    <name>CounterRelease</name>
    <message>
        <location filename="../../ui/station/release.py" line="+29" />
        <source>You are still signed in at another counter. Sign out there, or ask a supervisor to release it.</source>
        <translation>아직 다른 창구에 로그인되어 있습니다. 그 창구에서 로그아웃하거나 책임자에게 해제를 요청하십시오.</translation>
    </message>
    <message>
        <source>%1 (%2) still holds %3: signed in at %4 and never signed out. A supervisor can release it.</source>
        <translation>%3에 아직 %1(%2)님이 로그인되어 있습니다. %4에 로그인한 뒤 로그아웃하지 않았습니다. 책임자가 해제할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>DayChartsPanel</name>
    <message>
        <location filename="../../ui/supervisor/charts.py" line="+30" />
        <source>Customers waiting over the day</source>
        <translation>하루 대기 인원</translation>
    </message>
    <message>
        <location line="+0" />
        <source>waiting</source>
        <translation>대기 인원</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+2" />
        <source>time of day</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Waits of today's customers</source>
        <translation>오늘 고객 대기시간</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <source>customers</source>
        <translation>고객 수</translation>
    </message>
    <message>
        <location line="-1" />
        <source>minutes waited</source>
        <translation>대기 시간(분)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrivals and served per 15 minutes</source>
        <translation>15분당 도착 및 처리 인원</translation>
    </message>
    <message>
        <location line="+0" />
        <source>minutes</source>
        <translation>분</translation>
    </message>
    <message>
        <location line="+7" />
        <source>shortest target %1 min</source>
        <translation>최단 목표 %1분</translation>
    </message>
    <message>
        <location line="+2" />
        <source>arrived</source>
        <translation>도착</translation>
    </message>
    <message>
        <location line="+0" />
        <source>served</source>
        <translation>처리</translation>
    </message>
    <message>
        <location line="+4" />
        <source>mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <location line="+0" />
        <source>standard</source>
        <translation>표준</translation>
    </message>
<message>
        <location line="+1" />
        <source>Mean service time per teller</source>
        <translation>창구직원별 평균 처리 시간</translation>
    </message>
    <message>
        <source>No customers yet today</source>
        <translation>오늘은 아직 고객이 없습니다</translation>
    </message>
    <message>
        <source>No visit finished yet today</source>
        <translation>오늘 완료된 응대가 아직 없습니다</translation>
    </message>
    <message>
        <source>called</source>
        <translation>호출됨</translation>
    </message>
    <message>
        <source>still waiting, so far</source>
        <translation>아직 대기 중(지금까지)</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../ui/display/window.py" line="+228" />
        <source>Counterline hall display</source>
        <translation>Counterline 객장 안내 화면</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Now serving</source>
        <translation>현재 처리 중</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Latest calls</source>
        <translation>최근 호출</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ticket</source>
        <translation>번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Counter</source>
        <translation>창구</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Connection to the branch server lost. Reconnecting…</source>
        <translation>지점 서버와 연결이 끊겼습니다. 다시 연결하는 중…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Ticket %1, please go to counter %2</source>
        <translation>%1번 고객님, %2번 창구로 오십시오</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ticket %1, please go to %2</source>
        <comment>a counter with a name, not a number</comment>
        <translation>%1번 고객님, %2(으)로 오십시오</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Please wait to be called</source>
        <translation>호출을 기다려 주십시오</translation>
    </message>
</context>
<context>
    <name>FeedbackWindow</name>
    <message>
        <location line="+1" />
        <source>How was your service today?</source>
        <translation>오늘 서비스는 어떠셨나요?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Very poor</source>
        <translation>매우 불만족</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Poor</source>
        <translation>불만족</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Okay</source>
        <translation>보통</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Good</source>
        <translation>만족</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Excellent</source>
        <translation>매우 만족</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Thank you!</source>
        <translation>감사합니다!</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ticket %1</source>
        <translation>번호 %1</translation>
    </message>
    <message>
        <source>Your feedback – %1</source>
        <comment>a counter</comment>
        <translation>서비스 평가 – %1</translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <comment>a counter</comment>
        <translation>%1에 오신 것을 환영합니다</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <location filename="../../ui/station/finish_dialog.py" line="+73" />
        <source>Finish %1</source>
        <translation>%1 완료</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Search transaction types</source>
        <translation>거래 유형 검색</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Amount of the chosen line</source>
        <translation>선택한 거래의 금액</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Finish visit</source>
        <translation>업무 완료</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Transaction types (most used first)</source>
        <translation>거래 유형(자주 쓰는 순)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Done in this visit</source>
        <translation>이번 방문에서 처리한 업무</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Enter adds one · + / − change the quantity · Delete removes · Ctrl+Enter finishes</source>
        <translation>Enter 하나 추가 · + / − 수량 변경 · Delete 삭제 · Ctrl+Enter 완료</translation>
    </message>
    <message>
        <location line="+110" />
        <source>Choose at least one transaction type.</source>
        <translation>거래 유형을 하나 이상 선택하세요.</translation>
    </message>
</context>
<context>
    <name>HallSoundBanner</name>
    <message>
        <location filename="../../ui/supervisor/hall_sound.py" line="+47" />
        <source>the chime is turned off in display.toml</source>
        <translation>display.toml에서 알림음이 꺼져 있습니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the PC's audio libraries are missing</source>
        <translation>PC에 오디오 라이브러리가 없습니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no loudspeaker or audio output is connected</source>
        <translation>스피커나 오디오 출력이 연결되어 있지 않습니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the chime cannot be played on this audio output</source>
        <translation>이 오디오 출력으로 알림음을 재생할 수 없습니다</translation>
    </message>
    <message>
        <location line="+10" />
        <source>⚠ Hall display %1 has not reported since %2: its sound may be off</source>
        <translation>⚠ 객장 안내 화면 %1이(가) %2 이후 보고하지 않습니다: 소리가 꺼졌을 수 있습니다</translation>
    </message>
    <message>
        <location line="+3" />
        <source>⚠ Hall sound off at %1: %2. Calls are shown but not heard.</source>
        <translation>⚠ 객장 %1 소리 꺼짐: %2. 호출이 화면에만 표시되고 들리지 않습니다.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Hall sound</source>
        <translation>객장 소리</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The hall's sound is on</source>
        <translation>객장 소리가 켜져 있습니다</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <location filename="../../ui/station/help.py" line="+17" />
        <location line="+3" />
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location line="+17" />
        <source>In dialogs: arrows choose, Tab moves, Enter confirms, Escape cancels.</source>
        <translation>대화 상자에서: 화살표로 선택, Tab으로 이동, Enter로 확인, Esc로 취소.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>IdentifyDialog</name>
    <message>
        <location filename="../../ui/station/identify.py" line="+67" />
        <source>Identify the customer</source>
        <translation>고객 확인</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card number, ID number or phone</source>
        <translation>카드 번호, 신분증 번호 또는 전화번호</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card number</source>
        <translation>카드 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ID number</source>
        <translation>신분증 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Find and link</source>
        <translation>조회 후 연결</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Type the number first.</source>
        <translation>먼저 번호를 입력하세요.</translation>
    </message>
</context>
<context>
    <name>IdentifyPage</name>
    <message>
        <location filename="../../ui/kiosk/identify.py" line="+103" />
        <source>Identify with your bank card or phone number</source>
        <translation>은행 카드 번호 또는 휴대폰 번호를 입력해 주십시오</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bank card</source>
        <translation>은행 카드</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+4" />
        <source>Phone number</source>
        <translation>휴대폰 번호</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OK</source>
        <comment>confirm the number typed on the keypad</comment>
        <translation>확인</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Card number</source>
        <translation>카드 번호</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Type the digits, then OK or Enter</source>
        <translation>숫자를 입력한 뒤 확인 또는 Enter를 누르십시오</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identify with a bank card number. Keypad key *</source>
        <translation>은행 카드 번호로 본인 확인. 숫자 키패드 * 키</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identify with a phone number. Keypad key *</source>
        <translation>휴대폰 번호로 본인 확인. 숫자 키패드 * 키</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back to the services. Keypad key -</source>
        <translation>업무 선택으로 돌아가기. 숫자 키패드 - 키</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Look up the number typed</source>
        <translation>입력한 번호 조회</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Delete</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keypad key</source>
        <translation>키패드 키</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Looking you up…</source>
        <translation>조회 중…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>We could not find this number. You can still take a regular ticket.</source>
        <translation>이 번호를 찾을 수 없습니다. 일반 번호표는 받으실 수 있습니다.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This does not look like a card or phone number. Please try again.</source>
        <translation>카드 번호나 휴대폰 번호가 아닌 것 같습니다. 다시 입력해 주십시오.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Identification is not available now. You can still take a regular ticket.</source>
        <translation>지금은 본인 확인을 할 수 없습니다. 일반 번호표는 받으실 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>IssueTicketDialog</name>
    <message>
        <location filename="../../ui/station/ticket_dialog.py" line="+36" />
        <source>New ticket</source>
        <translation>새 번호표</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Card number, ID number or phone (optional)</source>
        <translation>카드 번호, 신분증 번호 또는 전화번호(선택)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Service</source>
        <translation>업무</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issue ticket</source>
        <translation>번호표 발행</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issue and call now (Ctrl+Enter)</source>
        <translation>발행 후 바로 호출 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk/window.py" line="+230" />
        <source>Counterline kiosk</source>
        <translation>Counterline 번호표 발급기</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Please choose a service</source>
        <translation>업무를 선택해 주십시오</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority service: elderly, disabled or pregnant</source>
        <translation>우선 서비스: 어르신·장애인·임산부</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your number</source>
        <translation>고객님의 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Please take your ticket and wait to be called</source>
        <translation>번호표를 받으시고 호출을 기다려 주십시오</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>확인</translation>
    </message>
    <message>
        <location line="+1" />
        <source>I have a bank card or phone number</source>
        <translation>은행 카드 또는 휴대폰 번호가 있습니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check in for my appointment</source>
        <translation>예약 도착 확인</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A+ Large text</source>
        <translation>A+ 큰 글씨</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keypad: 1–9 choose a service · 0 priority · * language · . bank card or phone · + large text</source>
        <translation>키패드: 1–9 업무 선택 · 0 우선 · * 언어 · . 은행 카드 또는 휴대폰 · + 큰 글씨</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/keypad.py" line="+23" />
        <source>Elderly, disabled and pregnant customers are called sooner. Keypad key 0</source>
        <translation>어르신·장애인·임산부 고객은 먼저 호출됩니다. 숫자 키패드 0 키</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Type your bank card or phone number to be recognised. Keypad key .</source>
        <translation>본인 확인을 위해 은행 카드 또는 휴대폰 번호를 입력합니다. 숫자 키패드 . 키</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Issues your appointment ticket</source>
        <translation>예약 번호표를 발급합니다</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Large text</source>
        <translation>큰 글씨</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Larger type in white and yellow on black. Keypad key +</source>
        <translation>검은 바탕에 흰색·노란색 큰 글씨. 숫자 키패드 + 키</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Back to the first page for the next customer</source>
        <translation>다음 고객을 위해 첫 화면으로 돌아갑니다</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Shows the kiosk in this language. Keypad key *: next language</source>
        <translation>번호표 발급기를 이 언어로 표시합니다. 숫자 키패드 * 키: 다음 언어</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/window.py" line="+45" />
        <source>%n person(s) waiting</source>
        <comment>people in the queue</comment>
        <translation>
            <numerusform>대기 %n명</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>Takes a ticket for this service. Keypad key %1</source>
        <translation>이 업무의 번호표를 받습니다. 숫자 키패드 %1 키</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No counter is open at the moment. Please ask our staff.</source>
        <translation>현재 운영 중인 창구가 없습니다. 직원에게 문의해 주십시오.</translation>
    </message>
    <message numerus="yes">
        <location line="+18" />
        <source>%n customer(s) ahead of you</source>
        <translation>
            <numerusform>앞에 대기 고객 %n명</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Waiting time will be shown once a counter opens</source>
        <translation>창구가 열리면 예상 대기시간이 표시됩니다</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Estimated wait: about %n minute(s)</source>
        <translation>
            <numerusform>예상 대기시간: 약 %n분</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>The ticket printer is out of order. Please remember your number: %1</source>
        <translation>번호표 프린터가 고장입니다. 번호를 기억해 주십시오: %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Please keep this ticket until you are called</source>
        <translation>호출될 때까지 번호표를 보관해 주십시오</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Welcome, %1 customer: you will be served with priority</source>
        <translation>%1 고객님 환영합니다. 우선 서비스를 받으십니다</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Welcome! Please choose a service</source>
        <translation>환영합니다! 업무를 선택해 주십시오</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Your appointment at %1 – %2</source>
        <translation>고객님의 예약: %1 – %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your appointment is at %1 – %2. Check-in opens at %3; you can also take a ticket now.</source>
        <translation>고객님의 예약은 %1 – %2입니다. %3부터 도착 확인이 가능하며, 지금 번호표를 받으실 수도 있습니다.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your appointment at %1 – %2 has passed. Please take a ticket.</source>
        <translation>%1 예약(%2) 시간이 지났습니다. 번호표를 받아 주세요.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Your appointment could not be checked in. Please take a ticket or ask our staff.</source>
        <translation>예약 도착 확인을 하지 못했습니다. 번호표를 받으시거나 직원에게 문의해 주세요.</translation>
    </message>
    <message>
        <source>Your appointment could not be checked in just now. Please try again or ask our staff.</source>
        <translation>지금은 예약 도착 확인을 하지 못했습니다. 다시 시도하시거나 직원에게 문의해 주세요.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Sorry, no ticket could be issued. Please ask our staff.</source>
        <translation>죄송합니다. 번호표를 발급할 수 없습니다. 직원에게 문의해 주십시오.</translation>
    </message>
    <message>
        <source>The queue cannot be shown right now. Tickets may take a moment.</source>
        <translation>지금은 대기 현황을 표시할 수 없습니다. 번호표 발급에 잠시 시간이 걸릴 수 있습니다.</translation>
    </message>
<message>
        <location line="-69" />
        <source>Welcome, %1: you will be served with priority</source>
        <translation>%1 고객님 환영합니다. 우선 서비스를 받으십니다</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Welcome, %1! Please choose a service</source>
        <translation>%1 고객님 환영합니다! 업무를 선택하세요</translation>
    </message>
<message>
        <location line="+2" />
        <source>Keypad: 1–9 choose a service · 0 priority · * language · . bank card or phone · + large text · / spoken guide</source>
        <translation>키패드: 1–9 업무 선택 · 0 우선 · * 언어 · . 은행 카드 또는 휴대폰 · + 큰 글씨 · / 음성 안내</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/window.py" line="+45" />
        <source>%n customer(s) ahead</source>
        <comment>on a service tile</comment>
        <translation>
            <numerusform>앞에 대기 고객 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>Spoken guide</source>
        <translation>음성 안내</translation>
    </message>
    <message>
        <source>Reads each step aloud in this language. Keypad key /</source>
        <translation>각 단계를 이 언어로 읽어 드립니다. 키패드 / 키</translation>
    </message>
    <message>
        <source>No speech engine on this PC</source>
        <translation>이 PC에는 음성 엔진이 없습니다</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/station/signin.py" line="+146" />
        <source>Station locked</source>
        <translation>단말이 잠겼습니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed in: %1. Enter your PIN to continue.</source>
        <translation>로그인: %1. 계속하려면 PIN을 입력하세요.</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Unlock</source>
        <translation>잠금 해제</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Wrong PIN. Please try again.</source>
        <translation>PIN 번호가 틀렸습니다. 다시 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>MoveTicketDialog</name>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="+83" />
        <source>Move ticket %1</source>
        <translation>번호 %1 이동</translation>
    </message>
    <message>
        <location line="+2" />
        <source>To another service</source>
        <translation>다른 업무로</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To one counter</source>
        <translation>특정 창구로</translation>
    </message>
</context>
<context>
    <name>OpenCounterDialog</name>
    <message>
        <location line="+3" />
        <source>No teller yet</source>
        <translation>아직 창구직원 없음</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Teller</source>
        <translation>창구직원</translation>
    </message>
    <message>
        <source>Open %1</source>
        <comment>a counter</comment>
        <translation>%1 열기</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="-88" />
        <source>Pause the counter</source>
        <translation>창구 일시 중지</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Why do you pause?</source>
        <translation>일시 중지 사유는 무엇입니까?</translation>
    </message>
</context>
<context>
    <name>PieceRatePanel</name>
    <message>
        <location line="+2" />
        <source>Finished</source>
        <translation>완료 시각</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counter</source>
        <translation>창구</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard min</source>
        <translation>표준(분)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units</source>
        <translation>단위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rating</source>
        <translation>평점</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Complaints</source>
        <translation>민원</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Corrected</source>
        <translation>정정</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../ui/reports/piece_rate_panel.py" line="+174" />
        <source>Branch</source>
        <translation>지점</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>시작일</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>종료일</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This month</source>
        <translation>이번 달</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last month</source>
        <translation>지난달</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export %1…</source>
        <translation>%1 내보내기…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality / correct…</source>
        <translation>품질/정정…</translation>
    </message>
    <message>
        <location line="+82" />
        <source>Piece-rate report</source>
        <translation>성과급 보고서</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose a period and press Show.</source>
        <translation>기간을 고르고 보기를 누르세요.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: %2 tellers, %3 visits, %4 standard units, %5 net units, pay %6 %7; %8 visits without a teller</source>
        <translation>%1: 창구직원 %2명, 응대 %3건, 표준 업무량 %4, 순 업무량 %5, 성과급 %6 %7; 직원 미지정 %8건</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Visits of %1</source>
        <translation>%1의 응대 기록</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Visits</source>
        <translation>응대 기록</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Export the report</source>
        <translation>보고서 내보내기</translation>
    </message>
<message>
        <location filename="../../ui/reports/piece_rate_models.py" line="+150" />
        <source>Ticket</source>
        <translation>번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service min</source>
        <translation>처리 시간(분)</translation>
    </message>
    <message>
        <source>No visits in the chosen period</source>
        <translation>선택한 기간에 응대 기록이 없습니다</translation>
    </message>
    <message>
        <source>Choose a teller above to see the visits</source>
        <translation>위에서 창구직원을 선택하면 응대 기록이 표시됩니다</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>종료일이 시작일보다 빠릅니다.</translation>
    </message>
</context>
<context>
    <name>PieceRateReport</name>
    <message>
        <location filename="../../ui/reports/piece_rate_texts.py" line="+14" />
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Teller ID</source>
        <translation>창구직원 ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visits</source>
        <translation>응대 건수</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard units</source>
        <translation>표준 업무량</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units per serving hour</source>
        <translation>응대 시간당 단위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overrun share</source>
        <translation>초과 비율</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Average rating</source>
        <translation>평균 평점</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ratings</source>
        <translation>평가 수</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Minor errors</source>
        <translation>경미한 오류</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Major errors</source>
        <translation>중대한 오류</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaints</source>
        <translation>민원</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Corrected visits</source>
        <translation>정정된 건수</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross-sell accepted</source>
        <translation>교차판매 수락</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed-in hours</source>
        <translation>로그인 시간</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Serving hours</source>
        <translation>응대 시간</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paused hours</source>
        <translation>일시정지 시간</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Idle hours</source>
        <translation>유휴 시간</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality bonus units</source>
        <translation>품질 보너스 단위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deduction units</source>
        <translation>차감 단위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross-sell units</source>
        <translation>교차판매 단위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target units</source>
        <translation>목표 단위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attainment</source>
        <translation>달성률</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pay</source>
        <translation>성과급</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>종료</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction type</source>
        <translation>거래 유형</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Type name</source>
        <translation>유형 이름</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Items</source>
        <translation>건수</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units</source>
        <translation>단위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard hours</source>
        <translation>표준 시간(시)</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+24" />
        <source>Branch total</source>
        <translation>지점 합계</translation>
    </message>
    <message>
        <location line="-20" />
        <source>Piece-rate report</source>
        <translation>성과급 보고서</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Units per teller</source>
        <translation>창구직원별 단위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>units</source>
        <translation>단위</translation>
    </message>
    <message>
        <location line="+1" />
        <source>minutes</source>
        <translation>분</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units by transaction type, whole branch</source>
        <translation>지점 전체 거래 유형별 단위</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Branch ID</source>
        <translation>지점 ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Branch</source>
        <translation>지점</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All branches</source>
        <translation>전체 지점</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pay scheme (the same for every branch)</source>
        <translation>급여 체계(모든 지점 동일)</translation>
    </message>
<message>
        <location line="+1" />
        <source>Units by type</source>
        <comment>XLSX sheet name</comment>
        <translation>거래 유형별 실적</translation>
    </message>
<message>
        <source>Short visits awaiting review</source>
        <translation>검토 대기 단시간 처리</translation>
    </message>
    <message>
        <source>Units withheld (short visits)</source>
        <translation>보류된 업무량(단시간 처리)</translation>
    </message>
<message>
        <location line="+1" />
        <source>Service time / standard</source>
        <translation>처리 시간/표준</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Net units</source>
        <translation>순 업무량</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service hours</source>
        <translation>처리 시간(시)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>standard</source>
        <translation>표준 업무량</translation>
    </message>
    <message>
        <location line="+1" />
        <source>net</source>
        <translation>순 업무량</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service times per teller</source>
        <translation>창구직원별 처리 시간</translation>
    </message>
    <message>
        <location line="-32" />
        <source>Tellers</source>
        <comment>XLSX sheet name</comment>
        <translation>창구직원</translation>
    </message>
    </context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location line="+4" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Services and precedence (1 = first, 4 = only when nothing better waits)</source>
        <translation>업무 및 우선순위 (1 = 최우선, 4 = 다른 대기 고객이 없을 때만)</translation>
    </message>
    <message>
        <source>Profile of %1</source>
        <comment>a counter</comment>
        <translation>%1 업무 설정</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <location filename="../../ui/station/profile_panel.py" line="+76" />
        <source>CUSTOMER</source>
        <translation>고객</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Accepted</source>
        <translation>수락</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interested</source>
        <translation>관심 있음</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Declined</source>
        <translation>거절</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not offered</source>
        <translation>제안 안 함</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Current account</source>
        <translation>입출금 계좌</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time deposit</source>
        <translation>정기예금</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wealth product</source>
        <translation>자산관리 상품</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fund</source>
        <translation>펀드</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Insurance</source>
        <translation>보험</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Loan</source>
        <translation>대출</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Credit card</source>
        <translation>신용카드</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mobile banking</source>
        <translation>모바일 뱅킹</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No customer identified. Press Ctrl+I to look up a card, ID number or phone.</source>
        <translation>확인된 고객이 없습니다. Ctrl+I를 눌러 카드, 신분증 번호 또는 전화번호로 조회하세요.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Customer no.</source>
        <translation>고객 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ID number</source>
        <translation>신분증 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cards</source>
        <translation>카드</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assets</source>
        <translation>자산</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Age</source>
        <translation>연령대</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Birthday this week</source>
        <translation>이번 주 생일</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open complaint</source>
        <translation>미해결 민원</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No marketing (opted out)</source>
        <translation>마케팅 거부(수신 거부)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Maturing soon: %1</source>
        <translation>곧 만기: %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>SUGGESTIONS</source>
        <translation>추천 상품</translation>
    </message>
<message>
        <location line="-23" />
        <source>NOTES AND FOLLOW-UPS</source>
        <translation>메모 및 후속 조치</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Due %1, %2</source>
        <translation>기한 %1, 담당 %2</translation>
    </message>
    <message>
        <source>under 18</source>
        <comment>age band</comment>
        <translation>18세 미만</translation>
    </message>
</context>
<context>
    <name>QualityDialog</name>
    <message>
        <location filename="../../ui/supervisor/quality_dialog.py" line="+184" />
        <source>Visit %1</source>
        <translation>응대 기록 %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Record quality</source>
        <translation>품질 기록</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Correct the record</source>
        <translation>기록 정정</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Minor error</source>
        <translation>경미한 오류</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Major error</source>
        <translation>중대한 오류</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaint</source>
        <translation>민원</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction</source>
        <translation>거래</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add line</source>
        <translation>줄 추가</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove line</source>
        <translation>줄 삭제</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+30" />
        <source>Transactions</source>
        <translation>거래 내역</translation>
    </message>
    <message>
        <location line="-29" />
        <location line="+29" />
        <source>Teller</source>
        <translation>창구직원</translation>
    </message>
    <message>
        <location line="-28" />
        <location line="+29" />
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <location line="-28" />
        <location line="+28" />
        <source>Withdraw marks</source>
        <translation>품질 기록 철회</translation>
    </message>
    <message>
        <location line="-27" />
        <source>Reason (required)</source>
        <translation>사유(필수)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: %2 by %3 %4</source>
        <translation>%1: %2, 기록자 %3 %4</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1: corrected by %2 (%3): %4</source>
        <translation>%1: %2 정정 (%3): %4</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No quality marks or corrections yet.</source>
        <translation>품질 기록이나 정정이 아직 없습니다.</translation>
    </message>
<message>
        <location line="+3" />
        <source>Ticket %1 at %2, served by %3; finished %4 after %5 min; rating %6.
Transactions: %7</source>
        <translation>번호 %1, %2, 담당 창구직원 %3; %4 완료, 소요 %5분; 평점 %6.
거래: %7</translation>
    </message>
    </context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../ui/supervisor/sync.py" line="+14" />
        <source>Station</source>
        <translation>단말기</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sequence</source>
        <translation>순번</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Event</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Refused because</source>
        <translation>거부 사유</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location line="+0" />
        <source>Service</source>
        <translation>업무</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waited</source>
        <translation>대기 시간</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Estimate</source>
        <translation>예상 대기</translation>
    </message>
<message>
        <location filename="../../ui/station/queue_panel.py" line="+57" />
        <source>Ticket</source>
        <translation>번호</translation>
    </message>
    </context>
<context>
    <name>QueuePanel</name>
    <message>
        <location line="+95" />
        <source>Nobody is waiting for this counter.</source>
        <translation>이 창구에 대기 중인 고객이 없습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Queue for this counter</source>
        <translation>이 창구의 대기열</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Up and down choose a ticket; Enter calls it out of order</source>
        <translation>위아래 키로 번호 선택, Enter로 순서 외 호출</translation>
    </message>
    <message>
        <location line="+7" />
        <source>QUEUE FOR THIS COUNTER</source>
        <translation>이 창구 대기열</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n ticket(s) waiting</source>
        <translation>
            <numerusform>%n명 대기</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <location line="+4" />
        <location line="+3" />
        <source>Supervisor's staff ID</source>
        <translation>책임자 직원 번호</translation>
    </message>
    <message>
        <location line="-2" />
        <location line="+3" />
        <source>Supervisor's PIN</source>
        <translation>책임자 PIN 번호</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Release</source>
        <translation>해제</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
<message>
        <location line="+2" />
        <source>The teller who held the counter is signed out of it. Their finished visits are kept.</source>
        <translation>이 창구에 있던 창구직원은 로그아웃됩니다. 완료된 응대 기록은 그대로 남습니다.</translation>
    </message>
        <message>
        <source>Release %1</source>
        <comment>a counter</comment>
        <translation>%1 해제</translation>
    </message>
</context>
<context>
    <name>RestoredNotice</name>
    <message>
        <source>⚠ The branch store was restored from a backup (noticed at %1): this screen now shows what it holds. Tickets and visits recorded after that backup are missing from it; check the queue in the hall.</source>
        <translation>⚠ 지점 저장소가 백업에서 복원되었습니다(%1에 확인): 이 화면은 이제 복원된 내용을 보여 줍니다. 그 백업 이후에 기록된 번호와 응대 기록은 빠져 있으니 객장의 대기 상황을 확인하십시오.</translation>
    </message>
    <message>
        <source>Branch store restored</source>
        <translation>지점 저장소 복원됨</translation>
    </message>
</context>
<context>
    <name>ReturnParkedDialog</name>
    <message>
        <location line="+0" />
        <source>Return</source>
        <translation>되돌리기</translation>
    </message>
<message>
        <location filename="../../ui/station/dialogs.py" line="+87" />
        <source>Return a parked ticket</source>
        <translation>보류한 번호 되돌리기</translation>
    </message>
    </context>
<context>
    <name>ServiceReport</name>
    <message>
        <location filename="../../ui/reports/service_report_texts.py" line="+14" />
        <source>Branch ID</source>
        <translation>지점 ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Branch</source>
        <translation>지점</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>업무 구분</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category name</source>
        <translation>업무명</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tickets issued</source>
        <translation>발권 수</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Served</source>
        <translation>처리 완료</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No-shows</source>
        <translation>부재</translation>
    </message>
    <message>
        <source>Expired (day ended)</source>
        <comment>tickets not served: their business day ended while they waited</comment>
        <translation>만료(영업일 종료)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mean wait (min)</source>
        <translation>평균 대기(분)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>90th percentile wait (min)</source>
        <translation>90백분위 대기(분)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target wait (min)</source>
        <translation>목표 대기(분)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Served within target</source>
        <translation>목표 내 처리율</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mean service time (min)</source>
        <translation>평균 처리 시간(분)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>종료</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Branch total</source>
        <translation>지점 합계</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All branches</source>
        <translation>전체 지점</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Service report</source>
        <translation>서비스 보고서</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Tickets by the local date they were issued in each branch; waits from issue to first call, of served tickets; service level: served within the category's target wait.</source>
        <translation>각 지점의 현지 발권 날짜 기준이며, 대기 시간은 처리된 번호표의 발권부터 첫 호출까지, 서비스 수준은 업무별 목표 대기 시간 내 처리 비율입니다.</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../ui/supervisor/settings.py" line="+56" />
        <source>Service categories</source>
        <translation>업무 분류</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction types</source>
        <translation>거래 유형</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross-sell rules</source>
        <translation>교차판매 규칙</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alert thresholds</source>
        <translation>경보 기준값</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staffing target and plan</source>
        <translation>인력 목표 및 근무 계획</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+3" />
        <source>Check</source>
        <translation>검사</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Settings file</source>
        <translation>설정 파일</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Which settings file to show and edit</source>
        <translation>보고 편집할 설정 파일</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Settings text</source>
        <translation>설정 내용</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The chosen settings file, in TOML, to edit</source>
        <translation>선택한 설정 파일(TOML 형식), 편집 가능</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checks the edited settings without saving them</source>
        <translation>편집한 설정을 저장하지 않고 검사합니다</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Checks the settings and saves them for the whole branch</source>
        <translation>설정을 검사하고 지점 전체에 저장합니다</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Not valid: %1</source>
        <translation>유효하지 않음: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The file is valid.</source>
        <translation>파일이 유효합니다.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Not saved: %1</source>
        <translation>저장되지 않음: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved. Stations use the new file when they next start.</source>
        <translation>저장했습니다. 각 단말은 다음 시작 시 새 파일을 사용합니다.</translation>
    </message>
    <message>
        <source>The service category %1 is still in use (open tickets: %2; counters that serve it: %3). Finish or move its tickets and take it off those counters first, or keep the category.</source>
        <translation>업무 분류 %1은(는) 아직 사용 중입니다(진행 중인 번호표: %2, 이 업무를 처리하는 창구: %3). 먼저 번호표를 처리하거나 옮기고 해당 창구에서 이 업무를 빼거나, 업무 분류를 유지하십시오.</translation>
    </message>
    <message>
        <source>Appointments are booked in it (number and day): %1. Cancel them first.</source>
        <translation>이 분류에 예약이 잡혀 있습니다(번호와 날짜): %1. 먼저 예약을 취소하십시오.</translation>
    </message>
    <message>
        <source>This file was saved from another screen since you opened it. Copy your changes, choose the file again to see what was saved, and make them there.</source>
        <translation>이 파일을 연 뒤 다른 화면에서 저장되었습니다. 변경 내용을 복사한 다음 파일을 다시 선택해 저장된 내용을 확인하고 그곳에서 다시 변경하십시오.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../ui/station/signin.py" line="-84" />
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Teller station</source>
        <translation>창구 단말</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+4" />
        <source>Staff ID</source>
        <translation>직원 번호</translation>
    </message>
    <message>
        <location line="-4" />
        <location line="+5" />
        <source>PIN</source>
        <translation>PIN 번호</translation>
    </message>
    <message>
        <location line="-5" />
        <location line="+6" />
        <source>Counter</source>
        <translation>창구</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Sign in and open the counter</source>
        <translation>로그인하고 창구 열기</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Supervisor: release this counter</source>
        <translation>책임자: 이 창구 해제</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Demo mode. Staff ID / PIN: %1</source>
        <translation>데모 모드. 직원 번호 / PIN: %1</translation>
    </message>
<message>
        <location line="+8" />
        <source>A supervisor signs out the teller who still holds this counter</source>
        <translation>책임자가 이 창구를 아직 사용 중인 창구직원을 로그아웃합니다</translation>
    </message>
    </context>
<context>
    <name>StaffingPanel</name>
    <message>
        <location filename="../../ui/supervisor/staffing.py" line="+49" />
        <source>Compute again</source>
        <translation>다시 계산</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Computes the staffing advice again from the history</source>
        <translation>이력으로 인력 배치 권고를 다시 계산합니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staffing advice</source>
        <translation>인력 배치 권고</translation>
    </message>
    <message>
        <location line="+0" />
        <source>One row per hour: arrivals, service time, advice</source>
        <translation>시간대별 한 줄: 도착 인원, 처리 시간, 권고</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Hour</source>
        <translation>시간</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrivals / h</source>
        <translation>시간당 도착</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Erlang C</source>
        <translation>Erlang C 공식</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Simulated level</source>
        <translation>시뮬레이션 달성률</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Advised</source>
        <translation>권장</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Planned</source>
        <translation>계획</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Counters needed to serve the target share of customers within the target wait, from the last four weeks of arrivals on this weekday, computed with Erlang C and checked by simulating the branch.</source>
        <translation>최근 4주 같은 요일의 도착 인원을 바탕으로 Erlang C로 계산하고 지점 시뮬레이션으로 검증한, 목표 비율의 고객을 목표 대기시간 안에 처리하는 데 필요한 창구 수입니다.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counters per hour</source>
        <translation>시간대별 창구 수</translation>
    </message>
    <message>
        <location line="+0" />
        <source>counters</source>
        <translation>창구 수</translation>
    </message>
    <message>
        <location line="+0" />
        <source>hour</source>
        <translation>시간</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Computing the staffing advice…</source>
        <translation>인력 권장안을 계산하는 중…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staffing advice for %1 (target: %2 within the target wait)</source>
        <translation>%1 인력 권장안 (목표: %2 목표 대기시간 이내)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>advised</source>
        <translation>권장</translation>
    </message>
    <message>
        <location line="+0" />
        <source>planned</source>
        <translation>계획</translation>
    </message>
<message>
        <location line="+1" />
        <source>Service (min)</source>
        <translation>처리 시간(분)</translation>
    </message>
    <message>
        <source>No history yet: the advice needs arrivals on this weekday in the past weeks. It appears once the branch has served customers on this weekday.</source>
        <translation>아직 이력이 없습니다. 인력 배치 권고에는 지난 몇 주간 같은 요일의 내점 기록이 필요합니다. 이 요일에 지점에서 고객을 응대하면 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>StationActions</name>
    <message>
        <location filename="../../ui/station/actions.py" line="+73" />
        <source>Call next</source>
        <translation>다음 호출</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recall</source>
        <translation>재호출</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start service</source>
        <translation>업무 시작</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Finish…</source>
        <translation>완료…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No-show</source>
        <translation>부재 처리</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transfer…</source>
        <translation>이관…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Park</source>
        <translation>보류</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resume</source>
        <translation>업무 재개</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Pause…</source>
        <translation>일시 중지…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Return parked…</source>
        <translation>보류 되돌리기…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call out of order…</source>
        <translation>순서 외 호출…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identify customer…</source>
        <translation>고객 확인…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New ticket…</source>
        <translation>새 번호표…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lock screen</source>
        <translation>화면 잠금</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close counter and sign out</source>
        <translation>창구 닫고 로그아웃</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next language</source>
        <translation>다음 언어</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
<message>
        <location line="-10" />
        <source>Note on the customer…</source>
        <translation>고객 메모…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up for the customer…</source>
        <translation>고객 후속 조치…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion accepted</source>
        <translation>추천: 수락</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion: customer interested</source>
        <translation>추천: 고객 관심 있음</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion declined</source>
        <translation>추천: 거절</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion not offered</source>
        <translation>추천: 제안 안 함</translation>
    </message>
</context>
<context>
    <name>StationCommands</name>
    <message>
        <location filename="../../ui/station/command_runner.py" line="+189" />
        <source>Customer profiles are not available on this station.</source>
        <translation>이 단말에서는 고객 정보를 볼 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+62" />
        <source>%n customer(s) ahead</source>
        <translation>
            <numerusform>앞에 대기 고객 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket %1 was issued but not printed: give the customer the number shown.</source>
        <translation>번호 %1: 발급되었지만 인쇄되지 않았습니다. 화면에 표시된 번호를 고객에게 알려 주세요.</translation>
    </message>
</context>
<context>
    <name>StationDialogs</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="-128" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>StationErrors</name>
    <message>
        <location filename="../../ui/station/errors.py" line="+15" />
        <source>Unknown staff ID or wrong PIN.</source>
        <translation>직원 번호가 없거나 PIN 번호가 틀렸습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Your role may not do this.</source>
        <translation>현재 역할로는 이 작업을 할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your account was deactivated or given another role or PIN, so you were signed out. Ask your supervisor.</source>
        <translation>직원 계정이 비활성화되었거나 역할 또는 PIN 번호가 바뀌어 로그아웃되었습니다. 책임자에게 문의하십시오.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This customer was not found.</source>
        <translation>고객을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>You can open the profile and record answers to suggestions only for the customer you are serving.</source>
        <translation>지금 응대 중인 고객의 정보만 열고 추천 결과를 기록할 수 있습니다.</translation>
    </message>
    <message>
        <source>This suggestion was not made for this customer in this visit, so no answer to it is recorded.</source>
        <translation>이번 방문에서 이 고객에게 제시되지 않은 추천이므로 답변을 기록하지 않습니다.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Customer look-up needs the branch server, which cannot be reached now. The queue keeps working offline.</source>
        <translation>고객 조회에는 지점 서버 연결이 필요하지만 지금은 연결할 수 없습니다. 대기열 업무는 오프라인으로 계속됩니다.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>A configuration file was refused, so this cannot be done; tell the administrator: %1</source>
        <translation>설정 파일이 거부되어 이 작업을 할 수 없습니다. 시스템 관리자에게 알리세요: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The branch database cannot be reached. Nothing was changed; try again.</source>
        <translation>지점 데이터베이스에 연결할 수 없습니다. 변경된 내용은 없으니 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unexpected error, nothing was changed: %1</source>
        <translation>예기치 않은 오류, 변경된 내용 없음: %1</translation>
    </message>
    <message>
        <location line="-54" />
        <source>This station's copy of the staff accounts was altered. Sign in when the branch server answers.</source>
        <translation>이 창구 단말의 직원 계정 사본이 변조되었습니다. 지점 서버가 응답할 때 로그인하십시오.</translation>
    </message>
    <message>
        <source>This station was not given the branch's staff-signing.pub, so it cannot check PINs offline. Sign in when the branch server answers, and ask the administrator to copy the file to this PC.</source>
        <translation>이 단말기에는 지점의 staff-signing.pub 파일이 없어 오프라인에서 PIN을 확인할 수 없습니다. 지점 서버가 응답할 때 로그인하고, 관리자에게 이 파일을 이 PC에 복사해 달라고 요청하십시오.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The link to the branch server dropped while it was saving this. Do not repeat it yet: the station checks whether it was saved as soon as the link is back, and nothing is lost or done twice.</source>
        <translation>저장 중에 지점 서버와의 연결이 끊겼습니다. 아직 다시 하지 마십시오. 연결이 복구되면 단말기가 저장 여부를 바로 확인하며, 누락되거나 두 번 처리되는 일은 없습니다.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This station's file was restored from a backup. It works again as soon as it has synced with the branch server, which gives back what the backup lacks.</source>
        <translation>이 단말기의 파일이 백업에서 복원되었습니다. 지점 서버와 동기화하면 백업에 없는 기록을 되돌려 받아 다시 사용할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Another PC now syncs as this station. This PC keeps its records but no longer syncs: ask the administrator for a station id of its own.</source>
        <translation>다른 PC가 이 단말기로 동기화하고 있습니다. 이 PC는 기록을 보관하지만 더 이상 동기화하지 않습니다. 관리자에게 별도의 단말기 ID를 요청하십시오.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Too many wrong PINs: the account is locked until a supervisor unlocks it.</source>
        <translation>PIN 오류 횟수 초과: 책임자가 잠금을 해제할 때까지 계정이 잠깁니다.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the account is locked until an administrator unlocks it.</source>
        <translation>PIN 오류 횟수 초과: 관리자가 잠금을 해제할 때까지 계정이 잠깁니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>Too many wrong PINs: try again in %n minute(s).</source>
        <translation>
            <numerusform>PIN 오류 횟수 초과: %n분 후에 다시 시도하십시오.</numerusform>
        </translation>
    </message>
<message>
        <location line="+5" />
        <source>Another teller is signed in at this counter, or you are signed in at another one.</source>
        <translation>다른 창구직원이 이 창구에 로그인해 있거나, 다른 창구에 이미 로그인되어 있습니다.</translation>
    </message>
        <message>
        <source>The branch database cannot be reached: the screen shows what it last read and updates when the database answers again.</source>
        <translation>지점 데이터베이스에 연결할 수 없습니다. 화면에는 마지막으로 읽은 내용이 표시되며, 데이터베이스가 다시 응답하면 갱신됩니다.</translation>
    </message>
    <message>
        <source>The screen could not be updated: %1</source>
        <translation>화면을 갱신하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The branch server has no suggestion rules yet, so no answer is recorded. Ask the supervisor to open the supervisor screen, which gives the server the branch's rules.</source>
        <translation>지점 서버에 아직 추천 규칙이 없어 답변을 기록하지 않습니다. 책임자에게 책임자 화면을 열어 달라고 하세요. 그 화면이 지점의 규칙을 서버에 전달합니다.</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <location line="+9" />
        <source>This PC's clock is %1 s off the branch server's</source>
        <translation>이 PC의 시계가 지점 서버와 %1초 차이 남</translation>
    </message>
<message>
        <location filename="../../ui/station/status_bar.py" line="+34" />
        <source>Teller: %1</source>
        <translation>창구직원: %1</translation>
    </message>
        <message>
        <source>Branch database unreachable</source>
        <translation>지점 데이터베이스 연결 안 됨</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <location filename="../../ui/station/window.py" line="+134" />
        <source>Counterline · Teller station</source>
        <translation>Counterline · 창구 단말</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Station</source>
        <translation>단말</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Help</source>
        <translation>도움말</translation>
    </message>
    <message>
        <location line="+104" />
        <source>Counter released. You can sign in now.</source>
        <translation>창구가 해제되었습니다. 이제 로그인할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>SupervisorSignIn</name>
    <message>
        <location line="+4" />
        <source>Staff id</source>
        <translation>직원 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Unknown staff id or wrong PIN.</source>
        <translation>직원 번호가 없거나 PIN 번호가 틀렸습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/signin.py" line="+21" />
        <source>Supervisor sign-in</source>
        <translation>책임자 로그인</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Only supervisors and administrators may use this screen.</source>
        <translation>책임자와 시스템 관리자만 이 화면을 사용할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location line="+2" />
        <source>Served within target today</source>
        <translation>오늘 목표 내 처리율</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Customers served today</source>
        <translation>오늘 처리 고객</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting now</source>
        <translation>현재 대기</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+3" />
        <source>Alerts</source>
        <translation>경보</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Counters</source>
        <translation>창구</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting per service</source>
        <translation>업무별 대기</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Waiting customers</source>
        <translation>대기 고객</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Today's charts</source>
        <translation>오늘의 차트</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Staffing</source>
        <translation>인력 배치</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Piece-rate</source>
        <translation>실적급</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Audit log</source>
        <translation>감사 로그</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Appointments</source>
        <translation>예약</translation>
    </message>
    <message>
        <location line="+55" />
        <source>The branch store does not answer; retrying…</source>
        <translation>지점 저장소가 응답하지 않습니다. 다시 시도하는 중…</translation>
    </message>
    <message>
        <location line="+51" />
        <source>The action failed: %1</source>
        <translation>작업 실패: %1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Counter opened.</source>
        <translation>창구를 열었습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Counter closed.</source>
        <translation>창구를 닫았습니다.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Counter profile changed.</source>
        <translation>창구 업무 설정을 변경했습니다.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Ticket moved.</source>
        <translation>번호를 이동했습니다.</translation>
    </message>
    <message>
        <location line="-146" />
        <source>Sync</source>
        <translation>동기화</translation>
    </message>
<message>
        <location filename="../../ui/supervisor/window.py" line="+202" />
        <source>Counterline supervisor</source>
        <translation>Counterline 책임자 화면</translation>
    </message>
    </context>
<context>
    <name>SyncIssuesPanel</name>
    <message>
        <location filename="../../ui/supervisor/sync.py" line="+42" />
        <source>Open conflicts</source>
        <translation>미해결 충돌</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Events the branch server refused</source>
        <translation>지점 서버가 거부한 이벤트</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark resolved…</source>
        <translation>해결됨으로 표시…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark the selected conflict resolved</source>
        <translation>선택한 충돌을 해결됨으로 표시</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh the sync issues</source>
        <translation>동기화 문제 새로 고침</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Station %1: clock %2 s off the branch server's (measured %3); its times are corrected</source>
        <translation>단말기 %1: 시계가 지점 서버와 %2초 차이 남(%3 측정), 시간은 보정됨</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 open conflict(s), %2 refused event(s)</source>
        <translation>미해결 충돌 %1건, 거부된 이벤트 %2건</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Mark resolved</source>
        <translation>해결됨으로 표시</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What was done for the customer?</source>
        <translation>고객에게 어떤 조치를 했습니까?</translation>
    </message>
<message>
        <source>No open conflicts</source>
        <translation>미해결 충돌이 없습니다</translation>
    </message>
    <message>
        <source>No refused events</source>
        <translation>거부된 이벤트가 없습니다</translation>
    </message>
</context>
<context>
    <name>TicketIssuedDialog</name>
    <message>
        <location filename="../../ui/station/ticket_dialog.py" line="+31" />
        <source>Your ticket</source>
        <translation>고객님의 번호표</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="+53" />
        <source>Transfer %1</source>
        <translation>%1 이관</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Transfer</source>
        <translation>이관</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Same service</source>
        <translation>같은 업무</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Any counter</source>
        <translation>창구 무관</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep the customer's place in the queue</source>
        <translation>고객의 대기 순서 유지</translation>
    </message>
    <message>
        <location line="+3" />
        <source>To service</source>
        <translation>이관할 업무</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To counter</source>
        <translation>이관할 창구</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Choose another service or a counter.</source>
        <translation>다른 업무나 창구를 선택하세요.</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location filename="../../ui/supervisor/queue.py" line="+32" />
        <source>Ticket</source>
        <translation>번호</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Service</source>
        <translation>업무</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waited</source>
        <translation>대기 시간</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Move ticket…</source>
        <translation>번호 이동…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting tickets</source>
        <translation>대기 중인 번호</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Every waiting ticket, longest wait first</source>
        <translation>대기 중인 모든 번호, 가장 오래 기다린 순</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Move ticket</source>
        <translation>번호 이동</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Moves the selected ticket to another service or counter</source>
        <translation>선택한 번호를 다른 업무나 창구로 옮깁니다</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Select a ticket to move it to another service or counter</source>
        <translation>번호를 선택하면 다른 업무나 창구로 이동할 수 있습니다</translation>
    </message>
</context>
<context>
    <name>CallList</name>
    <message>
        <location filename="../../ui/supervisor/call_list_dialogs.py" line="+15" />
        <source>Reached</source>
        <comment>call result</comment>
        <translation>통화됨</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No answer</source>
        <comment>call result</comment>
        <translation>부재중</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Appointment booked</source>
        <comment>call result</comment>
        <translation>예약 완료</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Declined</source>
        <comment>call result</comment>
        <translation>거절</translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <location filename="../../ui/supervisor/call_list_panel.py" line="+78" />
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>고객 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Marketing</source>
        <translation>마케팅 동의</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last call</source>
        <translation>최근 통화</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Appointment reminder: %1</source>
        <translation>예약 안내: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Deposit matures in %n day(s)</source>
        <translation>
            <numerusform>정기예금 %n일 후 만기</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0" />
        <source>Matures today</source>
        <translation>오늘 만기</translation>
    </message>
    <message>
        <location line="+1" />
        <source>yes</source>
        <translation>동의</translation>
    </message>
    <message>
        <location line="+0" />
        <source>opted out</source>
        <translation>수신 거부</translation>
    </message>
</context>
<context>
    <name>CallListPanel</name>
    <message>
        <location line="+84" />
        <source>Call list</source>
        <translation>만기 안내 콜 목록</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Deposits maturing within</source>
        <translation>만기 도래 예금 범위</translation>
    </message>
    <message>
        <location line="+1" />
        <source> days</source>
        <translation>일 이내</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show phone number…</source>
        <translation>전체 전화번호 보기…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call result:</source>
        <translation>통화 결과:</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Not done: %1</source>
        <translation>처리되지 않음: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>처리되지 않음: 데이터베이스에 연결할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message numerus="yes">
        <location line="+23" />
        <source>%n deposit(s) to call about</source>
        <translation>
            <numerusform>만기 안내 대상 예금 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n appointment reminder(s) for tomorrow</source>
        <translation>
            <numerusform>내일 예약 안내 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37" />
        <source>Phone number shown; the view is in the audit log.</source>
        <translation>전화번호를 표시했습니다. 조회 내역은 감사 로그에 기록됩니다.</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Booked %1 at %2; call recorded.</source>
        <translation>%1 고객 %2 예약 완료, 통화 결과를 기록했습니다.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Call recorded: %1</source>
        <translation>통화 결과 기록: %1</translation>
    </message>
<message>
        <source>No deposits mature in this time</source>
        <translation>이 기간에 만기가 도래하는 예금이 없습니다</translation>
    </message>
    <message>
        <source>Only the %1 largest are listed: shorten the window to see the others.</source>
        <translation>금액이 큰 %1건만 표시합니다. 나머지를 보려면 범위를 줄이세요.</translation>
    </message>
</context>
<context>
    <name>CrossSellReport</name>
    <message>
        <location filename="../../ui/reports/crosssell_texts.py" line="+11" />
        <source>Cross-sell conversion</source>
        <translation>교차판매 전환 실적</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Grouped by</source>
        <translation>집계 기준</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Key</source>
        <comment>the rule, teller, tier or week a line is about</comment>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offered</source>
        <comment>prompts put to the customer</comment>
        <translation>추천</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interested</source>
        <translation>관심 있음</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted</source>
        <translation>수락</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Declined</source>
        <translation>거절</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referred</source>
        <comment>handed to a relationship manager</comment>
        <translation>RM 연결</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not offered</source>
        <translation>제안 안 함</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Conversion</source>
        <comment>accepted out of offered</comment>
        <translation>전환율</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rule</source>
        <comment>a cross-sell rule</comment>
        <translation>규칙</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tier</source>
        <comment>customer tier by assets</comment>
        <translation>고객 등급</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Week</source>
        <translation>주</translation>
    </message>
<message>
        <location line="+1" />
        <source>Teller</source>
        <translation>창구직원</translation>
    </message>
    </context>
<context>
    <name>FollowUpsModel</name>
    <message>
        <location filename="../../ui/supervisor/follow_ups_panel.py" line="+53" />
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <location line="+1" />
        <source>When</source>
        <translation>기한 상태</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>고객 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n일 지남</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n일 후</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <location line="+101" />
        <source>Follow-ups</source>
        <translation>후속 관리</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Owner</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due within</source>
        <translation>기한 범위</translation>
    </message>
    <message>
        <location line="+1" />
        <source> days</source>
        <translation>일 이내</translation>
    </message>
    <message>
        <location line="+1" />
        <source>today and overdue</source>
        <translation>오늘 및 기한 경과</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark done…</source>
        <translation>완료 처리…</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+9" />
        <source>Everyone</source>
        <translation>전체 직원</translation>
    </message>
    <message numerus="yes">
        <location line="+17" />
        <source>%n follow-up(s) listed</source>
        <translation>
            <numerusform>후속 조치 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>overdue: %1</source>
        <translation>기한 경과: %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not done: %1</source>
        <translation>처리되지 않음: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>처리되지 않음: 데이터베이스에 연결할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Follow-up marked done.</source>
        <translation>후속 조치를 완료 처리했습니다.</translation>
    </message>
<message>
        <source>No follow-ups due in this time</source>
        <translation>이 기간에 예정된 후속 관리가 없습니다</translation>
    </message>
    <message>
        <source>Only the %1 most overdue of %2 are listed: choose fewer days or one owner to see the others.</source>
        <translation>%2건 중 기한이 가장 많이 지난 %1건만 표시합니다. 나머지를 보려면 일수를 줄이거나 담당자를 한 명 고르세요.</translation>
    </message>
</context>
<context>
    <name>MarketingPanel</name>
    <message>
        <location filename="../../ui/reports/marketing_panel.py" line="+121" />
        <source>Marketing</source>
        <translation>마케팅 실적</translation>
    </message>
    <message>
        <location line="+4" />
        <source>From</source>
        <translation>시작일</translation>
    </message>
    <message>
        <location line="+1" />
        <source>to</source>
        <translation>종료일</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Show</source>
        <translation>조회</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The period ends before it starts.</source>
        <translation>종료일이 시작일보다 빠릅니다.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Not done: %1</source>
        <translation>처리되지 않음: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>처리되지 않음: 데이터베이스에 연결할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Prompts offered and accepted by %1</source>
        <translation>%1별 추천 건수와 수락 건수</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 offered, %2 interested, %3 accepted, %4 declined; conversion %5</source>
        <translation>추천 %1건, 관심 %2건, 수락 %3건, 거절 %4건, 전환율 %5</translation>
    </message>
<message>
        <source>No cross-sell prompts in the chosen period</source>
        <translation>선택한 기간에 교차 판매 추천이 없습니다</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../ui/station/note_dialog.py" line="+48" />
        <source>Follow-up for %1</source>
        <translation>%1 고객 후속 조치</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Note on %1</source>
        <translation>%1 고객 메모</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+6" />
        <source>What the customer wants, and what to do next</source>
        <translation>고객의 요청 사항과 다음에 할 일</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Note for colleagues</source>
        <translation>동료에게 남길 메모</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Text</source>
        <translation>내용</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Due on</source>
        <translation>기한</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Please write the note.</source>
        <translation>메모 내용을 입력하세요.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>At most %1 characters, please.</source>
        <translation>최대 %1자까지 입력할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <location filename="../../ui/supervisor/follow_ups_panel.py" line="-142" />
        <source>Follow-up done</source>
        <translation>후속 조치 완료</translation>
    </message>
    <message>
        <location line="+9" />
        <source>What came of it, e.g. renewed for 12 months</source>
        <translation>결과, 예: 12개월 재예치</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Mark done</source>
        <translation>완료 처리</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Please say in a few words what came of it.</source>
        <translation>결과를 간단히 입력하세요.</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../ui/supervisor/call_list_dialogs.py" line="+12" />
        <source>Show phone number</source>
        <translation>전체 전화번호 보기</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Why do you need the full number of %1? It is written to the audit log.</source>
        <translation>%1 고객의 전체 번호가 필요한 사유는 무엇입니까? 감사 로그에 기록됩니다.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Maturity call</source>
        <translation>만기 안내 전화</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Please give a reason of at least %1 characters.</source>
        <translation>사유를 %1자 이상 입력하세요.</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+94" />
        <source>Add staff account</source>
        <translation>직원 계정 추가</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Staff ID</source>
        <translation>직원 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tellers: 4 to 12 digits. Supervisors and administrators: 6 to 12.</source>
        <translation>창구직원: 4~12자리 숫자. 책임자와 시스템 관리자: 6~12자리.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add</source>
        <translation>추가</translation>
    </message>
</context>
<context>
    <name>AdminDialogs</name>
    <message>
        <location line="-71" />
        <source>Teller</source>
        <comment>staff role</comment>
        <translation>창구직원</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <comment>staff role</comment>
        <translation>책임자</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <comment>staff role</comment>
        <translation>시스템 관리자</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The two PINs differ.</source>
        <translation>두 PIN 번호가 일치하지 않습니다.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+26" />
        <source>PIN again</source>
        <translation>PIN 번호 확인</translation>
    </message>
</context>
<context>
    <name>AdminErrors</name>
    <message>
        <location filename="../../ui/admin/errors.py" line="+14" />
        <source>The staff ID</source>
        <translation>직원 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The counter ID</source>
        <translation>창구 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The counter name</source>
        <translation>창구 이름</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 was refused: use 1 to %2 characters, without control or direction characters.</source>
        <translation>%1을(를) 받아들일 수 없습니다: 제어 문자나 방향 문자 없이 1~%2자로 입력하십시오.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Not changed: this role's PIN must be %1 to %2 digits.</source>
        <translation>변경되지 않았습니다: 이 역할의 PIN 번호는 %1~%2자리 숫자여야 합니다.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not changed: the new role needs a PIN of at least %1 digits. Enter a new PIN with it.</source>
        <translation>변경되지 않았습니다: 새 역할은 최소 %1자리 PIN 번호가 필요합니다. 새 PIN 번호를 함께 입력하십시오.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not changed: the branch must keep at least one active administrator.</source>
        <translation>변경되지 않았습니다: 지점에는 활성 시스템 관리자가 최소 한 명 있어야 합니다.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This staff account does not exist.</source>
        <translation>해당 직원 계정이 없습니다.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not changed: your account may not do this any more. Sign in again.</source>
        <translation>변경되지 않았습니다: 귀하의 계정은 더 이상 이 작업을 할 수 없습니다. 다시 로그인하십시오.</translation>
    </message>
</context>
<context>
    <name>AdminSignIn</name>
    <message>
        <location filename="../../ui/admin/signin.py" line="+21" />
        <source>Administrator sign-in</source>
        <translation>시스템 관리자 로그인</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staff ID</source>
        <translation>직원 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN 번호</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Unknown staff ID or wrong PIN.</source>
        <translation>직원 번호가 없거나 PIN 번호가 틀렸습니다.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Only administrators may use the Administration screen.</source>
        <translation>시스템 관리자만 관리 화면을 사용할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <location filename="../../ui/admin/window.py" line="+66" />
        <source>Counterline administration · %1</source>
        <translation>Counterline 관리 · %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administration · %1</source>
        <translation>관리 · %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Signed in as %1, %2</source>
        <translation>로그인: %1, %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Settings</source>
        <translation>설정</translation>
    </message>
</context>
<context>
    <name>CounterDialog</name>
    <message>
        <location line="+0" />
        <source>New counter</source>
        <translation>새 창구</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counter ID</source>
        <translation>창구 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Services and precedence (1 = first, 4 = only when nothing better waits)</source>
        <translation>업무 및 우선순위 (1 = 최우선, 4 = 다른 대기 고객이 없을 때만)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Precedence of %1</source>
        <translation>%1 우선순위</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose at least one service for the counter.</source>
        <translation>창구에 업무를 하나 이상 선택하십시오.</translation>
    </message>
</context>
<context>
    <name>CountersModel</name>
    <message>
        <location filename="../../ui/admin/counters_tab.py" line="+46" />
        <source>Counter ID</source>
        <translation>창구 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Services (precedence)</source>
        <translation>업무 (우선순위)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction types</source>
        <translation>거래 유형</translation>
    </message>
</context>
<context>
    <name>CountersPanel</name>
    <message>
        <location line="+67" />
        <location line="+7" />
        <source>Counters</source>
        <translation>창구</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Add counter…</source>
        <translation>창구 추가…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change services…</source>
        <translation>업무 변경…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Adds a counter with the services it takes</source>
        <translation>창구와 그 창구가 맡는 업무를 추가합니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changes the chosen counter's name and services</source>
        <translation>선택한 창구의 이름과 업무를 변경합니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The branch's counters and the services each takes</source>
        <translation>지점의 창구와 각 창구가 맡는 업무</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A counter's transaction types are those of the services it takes; edit them under Settings.</source>
        <translation>창구의 거래 유형은 그 창구가 맡는 업무의 거래 유형입니다. '설정'에서 편집하십시오.</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Counter %1 exists already: choose it in the list to change it.</source>
        <translation>%1번 창구가 이미 있습니다. 변경하려면 목록에서 선택하십시오.</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <comment>a counter</comment>
        <translation>%1: 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="-71" />
        <source>Reset PIN of %1</source>
        <translation>%1의 PIN 번호 재설정</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New PIN</source>
        <translation>새 PIN 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset PIN</source>
        <translation>PIN 번호 재설정</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+15" />
        <source>Change role of %1</source>
        <translation>%1의 역할 변경</translation>
    </message>
    <message>
        <location line="+5" />
        <source>New role</source>
        <translation>새 역할</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New PIN</source>
        <translation>새 PIN 번호</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A new PIN is needed only when the new role needs a longer one.</source>
        <translation>새 역할에 더 긴 PIN 번호가 필요할 때만 새 PIN 번호를 입력합니다.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Change role</source>
        <translation>역할 변경</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <location filename="../../ui/admin/staff_tab.py" line="+50" />
        <source>Staff ID</source>
        <translation>직원 번호</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Active</source>
        <translation>활성</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+8" />
        <source>Locked</source>
        <translation>잠김</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No, deactivated</source>
        <translation>아니요, 비활성화됨</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location line="+59" />
        <source>Staff</source>
        <translation>직원</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Adds a staff account with its role and PIN</source>
        <translation>역할과 PIN 번호와 함께 직원 계정을 추가합니다</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+47" />
        <source>Deactivate</source>
        <translation>비활성화</translation>
    </message>
    <message>
        <location line="-47" />
        <source>A leaver: the account can no longer sign in</source>
        <translation>퇴직자: 이 계정으로 더 이상 로그인할 수 없습니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reactivate</source>
        <translation>재활성화</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Lets a deactivated account sign in again</source>
        <translation>비활성화된 계정이 다시 로그인할 수 있게 합니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset PIN…</source>
        <translation>PIN 번호 재설정…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Gives the account a new PIN and lifts its lock</source>
        <translation>계정에 새 PIN 번호를 주고 잠금을 해제합니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change role…</source>
        <translation>역할 변경…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Makes the account a teller, supervisor or administrator</source>
        <translation>계정을 창구직원, 책임자 또는 시스템 관리자로 지정합니다</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unlock</source>
        <translation>잠금 해제</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Lifts the lock after too many wrong PINs</source>
        <translation>PIN 번호 오류가 너무 많아 걸린 잠금을 해제합니다</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staff accounts</source>
        <translation>직원 계정</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The branch's staff accounts; choose one to change</source>
        <translation>지점의 직원 계정입니다. 변경할 계정을 선택하십시오</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Deactivate %1? The account can no longer sign in.</source>
        <translation>%1을(를) 비활성화하시겠습니까? 이 계정으로 더 이상 로그인할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Staff ID %1 exists already: choose it in the list to change it.</source>
        <translation>직원 번호 %1이(가) 이미 있습니다. 변경하려면 목록에서 선택하십시오.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 added.</source>
        <translation>계정 %1을(를) 추가했습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 deactivated.</source>
        <translation>계정 %1을(를) 비활성화했습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 reactivated.</source>
        <translation>계정 %1을(를) 재활성화했습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New PIN set for %1.</source>
        <translation>%1의 새 PIN 번호를 설정했습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Role of %1 changed.</source>
        <translation>%1의 역할을 변경했습니다.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 unlocked.</source>
        <translation>계정 %1의 잠금을 해제했습니다.</translation>
    </message>
</context>
<context>
    <name>BreakDialog</name>
    <message>
        <source>Set a break</source>
        <translation>휴게 지정</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>창구직원</translation>
    </message>
    <message>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>This replaces the teller's break from the rota on that day.</source>
        <translation>그날 근무표에 있는 이 창구직원의 휴게를 대신합니다.</translation>
    </message>
    <message>
        <source>Set break</source>
        <translation>휴게 지정</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>BreaksModel</name>
    <message>
        <source>Teller</source>
        <translation>창구직원</translation>
    </message>
    <message>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>To</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>분</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>지정자</translation>
    </message>
    <message>
        <source>Rota (staffing.toml)</source>
        <translation>근무표(staffing.toml)</translation>
    </message>
</context>
<context>
    <name>BreaksPanel</name>
    <message>
        <source>Breaks on</source>
        <translation>휴게 일정, 날짜</translation>
    </message>
    <message>
        <source>Set or move a break…</source>
        <translation>휴게 지정·변경…</translation>
    </message>
    <message>
        <source>Cancel break</source>
        <translation>휴게 취소</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>처리되지 않음: %1</translation>
    </message>
    <message>
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>처리되지 않음: 저장소에 연결할 수 없습니다. 다시 시도하십시오.</translation>
    </message>
    <message>
        <source>Break set.</source>
        <translation>휴게가 지정되었습니다.</translation>
    </message>
    <message>
        <source>Break cancelled.</source>
        <translation>휴게가 취소되었습니다.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve short visit</source>
        <translation>단시간 처리 건 승인</translation>
    </message>
    <message>
        <source>Reject short visit</source>
        <translation>단시간 처리 건 반려</translation>
    </message>
    <message>
        <source>Ticket %1: served in %2 s, minimum %3 s, %4 unit(s).</source>
        <translation>번호 %1: 처리 %2초, 최소 %3초, 업무량 %4.</translation>
    </message>
    <message>
        <source>Why, e.g. the customer had the form filled in</source>
        <translation>사유(예: 고객이 서식을 미리 작성해 옴)</translation>
    </message>
    <message>
        <source>Approve: pay the units</source>
        <translation>승인: 업무량 인정</translation>
    </message>
    <message>
        <source>Reject: no units</source>
        <translation>반려: 업무량 불인정</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Please say why the visit is not paid.</source>
        <translation>업무량을 인정하지 않는 사유를 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>PayStatement</name>
    <message>
        <source>Piece-rate pay statement</source>
        <translation>성과급 지급 명세서</translation>
    </message>
    <message>
        <source>Teller %1 · ID %2</source>
        <translation>창구직원 %1 · 사번 %2</translation>
    </message>
    <message>
        <source>Units by transaction type</source>
        <translation>거래 유형별 업무량</translation>
    </message>
    <message>
        <source>Transaction type</source>
        <translation>거래 유형</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>건수</translation>
    </message>
    <message>
        <source>Units each</source>
        <translation>건당 업무량</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>업무량</translation>
    </message>
    <message>
        <source>No paid transactions in the period</source>
        <translation>이 기간에 인정된 거래가 없습니다</translation>
    </message>
    <message>
        <source>Pay breakdown</source>
        <translation>지급 내역</translation>
    </message>
    <message>
        <source>Standard units (count × units, above)</source>
        <translation>표준 업무량(건수 × 건당 업무량, 위 표)</translation>
    </message>
    <message>
        <source>of which approved short visits: %1</source>
        <translation>이 중 승인된 단시간 처리: %1건</translation>
    </message>
    <message>
        <source>Short visits not paid (awaiting review or rejected): %1</source>
        <translation>인정되지 않은 단시간 처리(검토 대기 또는 반려): %1건</translation>
    </message>
    <message>
        <source>Quality bonus</source>
        <translation>품질 가산</translation>
    </message>
    <message>
        <source>Quality deductions (%1 minor, %2 major errors, %3 complaints)</source>
        <translation>품질 감산(경미한 오류 %1건, 중대한 오류 %2건, 민원 %3건)</translation>
    </message>
    <message>
        <source>Cross-sell credit (%1 accepted)</source>
        <translation>교차판매 가산(수락 %1건)</translation>
    </message>
    <message>
        <source>Net units</source>
        <translation>순 업무량</translation>
    </message>
    <message>
        <source>Target units for the period</source>
        <translation>기간 목표 업무량</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>달성률</translation>
    </message>
    <message>
        <source>Piece-rate pay</source>
        <translation>성과급</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>창구직원</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>책임자</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
</context>
<context>
    <name>ShortVisitsModel</name>
    <message>
        <source>Finished</source>
        <translation>완료 시각</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>창구직원</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>거래</translation>
    </message>
    <message>
        <source>Service (s)</source>
        <translation>처리 시간(초)</translation>
    </message>
    <message>
        <source>Minimum (s)</source>
        <translation>최소 시간(초)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>업무량</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>결정</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>결정자</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>검토 대기</translation>
    </message>
    <message>
        <source>Approved: paid</source>
        <translation>승인: 인정</translation>
    </message>
    <message>
        <source>Rejected: not paid</source>
        <translation>반려: 불인정</translation>
    </message>
</context>
<context>
    <name>ShortVisitsPanel</name>
    <message>
        <source>Short visits</source>
        <translation>단시간 처리</translation>
    </message>
    <message>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>To</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>승인…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>반려…</translation>
    </message>
    <message>
        <source>Visits finished faster than the minimum service time of their transactions earn no units until a supervisor approves them. Nobody reviews their own visits.</source>
        <translation>거래별 최소 처리 시간보다 빨리 끝난 업무는 책임자가 승인해야 업무량으로 인정됩니다. 본인이 처리한 업무는 본인이 검토할 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n short visit(s) listed</source>
        <translation>
            <numerusform>단시간 처리 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>awaiting review: %1</source>
        <translation>검토 대기: %1</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>처리되지 않음: %1</translation>
    </message>
    <message>
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>처리되지 않음: 저장소에 연결할 수 없습니다. 다시 시도하십시오.</translation>
    </message>
    <message>
        <source>Ticket %1 approved: its units are paid.</source>
        <translation>번호 %1 승인: 업무량이 인정됩니다.</translation>
    </message>
    <message>
        <source>Ticket %1 rejected: no units.</source>
        <translation>번호 %1 반려: 업무량이 인정되지 않습니다.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>종료일이 시작일보다 빠릅니다.</translation>
    </message>
</context>
<context>
    <name>KioskGuide</name>
    <message>
        <source>Key %1: %2</source>
        <translation>%1번 키: %2</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>This service does not exist.</source>
        <translation>존재하지 않는 업무입니다.</translation>
    </message>
    <message>
        <source>This service does not take appointments.</source>
        <translation>이 업무는 예약을 받지 않습니다.</translation>
    </message>
    <message>
        <source>An appointment lasts 1 to %1 minutes.</source>
        <translation>예약 시간은 1분에서 %1분까지입니다.</translation>
    </message>
    <message>
        <source>Appointments start every %1 minutes: choose a time on that grid.</source>
        <translation>예약은 %1분 간격으로 시작합니다. 그 간격에 맞는 시각을 선택하십시오.</translation>
    </message>
    <message>
        <source>%1 is in the past.</source>
        <translation>%1은(는) 이미 지난 시각입니다.</translation>
    </message>
    <message>
        <source>Appointments can be booked up to %1 days ahead (the last bookable day is %2).</source>
        <translation>예약은 최대 %1일 후까지 가능합니다(마지막 예약 가능일: %2).</translation>
    </message>
    <message>
        <source>The branch is closed on %1.</source>
        <translation>지점은 %1에 영업하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 does not exist on the branch's clock: the clocks go forward then.</source>
        <translation>지점 시계에는 %1이(가) 없습니다. 이때 시계가 앞당겨집니다.</translation>
    </message>
    <message>
        <source>%1 to %2 is outside the opening hours (%3 to %4).</source>
        <translation>%1~%2은(는) 영업시간(%3~%4) 밖입니다.</translation>
    </message>
    <message>
        <source>%1 is fully booked for this service.</source>
        <translation>이 업무의 %1 예약이 마감되었습니다.</translation>
    </message>
    <message>
        <source>No counter serves this service, so it cannot be booked.</source>
        <translation>이 업무를 처리하는 창구가 없어 예약할 수 없습니다.</translation>
    </message>
    <message>
        <source>This customer already has an appointment at %1.</source>
        <translation>이 고객은 %1에 이미 예약이 있습니다.</translation>
    </message>
    <message>
        <source>This appointment can be checked in from %1 to %2 only.</source>
        <translation>이 예약은 %1~%2에만 도착 확인할 수 있습니다.</translation>
    </message>
    <message>
        <source>The note was refused: it is too long or holds characters that are not allowed.</source>
        <translation>메모가 거부되었습니다. 너무 길거나 허용되지 않는 문자가 있습니다.</translation>
    </message>
    <message>
        <source>This appointment is no longer booked: it was checked in, cancelled or missed.</source>
        <translation>이 예약은 더 이상 유효하지 않습니다. 도착 확인, 취소 또는 미방문 처리되었습니다.</translation>
    </message>
    <message>
        <source>The next action date is in the past.</source>
        <translation>다음 조치 날짜가 이미 지났습니다.</translation>
    </message>
    <message>
        <source>A follow-up with an owner needs a next action date.</source>
        <translation>담당자가 있는 후속 관리에는 다음 조치 날짜가 필요합니다.</translation>
    </message>
    <message>
        <source>The number of days cannot be negative.</source>
        <translation>일수는 음수일 수 없습니다.</translation>
    </message>
    <message>
        <source>Choose 0 to %1 days.</source>
        <translation>0~%1일 중에서 선택하십시오.</translation>
    </message>
    <message>
        <source>Write a result of at least %1 characters.</source>
        <translation>결과를 %1자 이상 입력하십시오.</translation>
    </message>
    <message>
        <source>This note plans no action, so there is nothing to mark done.</source>
        <translation>이 메모에는 예정된 조치가 없어 완료 처리할 것이 없습니다.</translation>
    </message>
    <message>
        <source>This follow-up is already done.</source>
        <translation>이 후속 관리는 이미 완료되었습니다.</translation>
    </message>
    <message>
        <source>The owner must be an active staff member of this branch.</source>
        <translation>담당자는 이 지점의 활성 직원이어야 합니다.</translation>
    </message>
    <message>
        <source>This deposit is not this customer's.</source>
        <translation>이 예금은 이 고객의 것이 아닙니다.</translation>
    </message>
    <message>
        <source>This appointment was not found.</source>
        <translation>예약을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>This follow-up was not found.</source>
        <translation>후속 관리를 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>The next free time is %1.</source>
        <translation>다음 예약 가능 시각은 %1입니다.</translation>
    </message>
    <message>
        <source>No time is free within %1 days.</source>
        <translation>%1일 이내에 예약 가능한 시각이 없습니다.</translation>
    </message>
</context>
<context>
    <name>SupervisorFailures</name>
    <message>
        <location filename="../../ui/supervisor/failures.py" line="+24" />
        <source>Unexpected error (%1); it was logged.</source>
        <translation>예기치 않은 오류(%1)가 발생했으며 기록되었습니다.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The branch server cannot be reached. Nothing was changed; the screen tries again.</source>
        <translation>지점 서버에 연결할 수 없습니다. 변경된 것은 없으며 화면이 다시 시도합니다.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The branch server did not answer. The action may have been saved: check the screen after its next refresh before you repeat it.</source>
        <translation>지점 서버가 응답하지 않았습니다. 작업이 저장되었을 수 있으니 화면이 다시 새로 고쳐진 뒤 확인하고 나서 다시 하십시오.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The branch database refused the action. Nothing was changed.</source>
        <translation>지점 데이터베이스가 작업을 거부했습니다. 변경된 것은 없습니다.</translation>
    </message>
    <message>
        <location line="-10" />
        <source>The branch database cannot be read: %1. Nothing was changed.</source>
        <translation>지점 데이터베이스를 읽을 수 없습니다: %1. 변경된 것은 없습니다.</translation>
    </message>
</context>
<context>
    <name>ConflictText</name>
    <message>
        <source>Called at %1 while the ticket was at %3 (%2)</source>
        <translation>%1에서 호출함. 이때 번호는 이미 %3에 있었음(%2)</translation>
    </message>
    <message>
        <source>Called at %1 while the ticket was no longer waiting (%2)</source>
        <translation>%1에서 호출함. 이때 번호는 더 이상 대기 중이 아니었음(%2)</translation>
    </message>
    <message>
        <source>%1 at %2 after the ticket was closed (%3)</source>
        <translation>번호가 이미 종료된 뒤(%3) %2에서 기록됨: %1</translation>
    </message>
    <message>
        <source>%1 after the ticket was closed (%2)</source>
        <translation>번호가 이미 종료된 뒤(%2) 기록됨: %1</translation>
    </message>
    <message>
        <source>%1 at %2 while the ticket is held by %3</source>
        <translation>%2에서 기록됨: %1. 번호는 %3에서 처리 중임</translation>
    </message>
    <message>
        <source>Called at %1 while %2 was still at that counter: the called ticket kept waiting</source>
        <translation>%1에서 호출함. 이때 %2이(가) 아직 그 창구에 있었음: 호출된 번호는 계속 대기함</translation>
    </message>
    <message>
        <source>%1 at %2 while the ticket was at no counter (%3)</source>
        <translation>%2에서 기록됨: %1. 이때 번호는 어느 창구에도 없었음(%3)</translation>
    </message>
    <message>
        <source>Moved by a supervisor while the ticket was no longer waiting (%1)</source>
        <translation>책임자가 번호를 이동함. 이때 번호는 더 이상 대기 중이 아니었음(%1)</translation>
    </message>
    <message>
        <source>Issued again as %1; the first number, %2, stands</source>
        <translation>번호 %1(으)로 다시 발급됨. 처음 번호 %2 유지</translation>
    </message>
    <message>
        <source>Number %1 issued twice</source>
        <translation>번호 %1 중복 발급</translation>
    </message>
    <message>
        <source>%1 for a ticket not issued here</source>
        <translation>%1: 이곳에서 발급되지 않은 번호</translation>
    </message>
    <message>
        <source>Teller %1 signed in at %2 on station %3 at %4 while teller %5 was signed in there on station %6 since %7</source>
        <translation>창구직원 %1님이 %4에 단말기 %3에서 %2에 로그인함. 이때 창구직원 %5님이 %7부터 단말기 %6에서 로그인 중이었음</translation>
    </message>
    <message>
        <source>Teller %1 signed in at %2 on station %3 at %4 while already signed in at %5 on station %6 since %7</source>
        <translation>창구직원 %1님이 %4에 단말기 %3에서 %2에 로그인함. 이미 %7부터 단말기 %6에서 %5에 로그인 중이었음</translation>
    </message>
    <message>
        <source>%1 cancelled this break on station %2 at %3, after %4 had moved or cancelled it on station %5 at %6: the first change stands and this one did nothing</source>
        <translation>%1님이 %3에 단말기 %2에서 이 휴식을 취소함. 그러나 %4님이 이미 %6에 단말기 %5에서 옮기거나 취소했음: 먼저 한 변경이 유지되며 이 취소는 반영되지 않음</translation>
    </message>
    <message>
        <source>%1 moved this break on station %2 at %3, after %4 had moved or cancelled it on station %5 at %6: the first change stands and this move did nothing</source>
        <translation>%1님이 %3에 단말기 %2에서 이 휴식을 옮김. 그러나 %4님이 이미 %6에 단말기 %5에서 옮기거나 취소했음: 먼저 한 변경이 유지되며 이 이동은 반영되지 않음</translation>
    </message>
    <message>
        <source>Break of %1</source>
        <translation>%1님의 휴식</translation>
    </message>
    <message>
        <source>Break %1</source>
        <translation>휴식 %1</translation>
    </message>
    <message>
        <source>Flagged as a conflict; compare the facts</source>
        <translation>충돌로 표시됨. 기록을 비교하십시오</translation>
    </message>
</context>
<context>
    <name>RefusalText</name>
    <message>
        <source>A text in it holds a character the branch server cannot store</source>
        <translation>지점 서버가 저장할 수 없는 문자가 텍스트에 들어 있음</translation>
    </message>
    <message>
        <source>A text in it is longer than the branch server allows</source>
        <translation>텍스트가 지점 서버의 허용 길이를 넘음</translation>
    </message>
    <message>
        <source>A value in it is one the branch server cannot take</source>
        <translation>지점 서버가 받을 수 없는 값이 들어 있음</translation>
    </message>
    <message>
        <source>It breaks a rule of the branch server's data (a value used twice, or one missing)</source>
        <translation>지점 서버의 데이터 규칙 위반 (값이 두 번 쓰였거나 빠짐)</translation>
    </message>
    <message>
        <source>The branch server refused it</source>
        <translation>지점 서버가 거부함</translation>
    </message>
</context>
</TS>